"""Hostile and broken files, as a user would meet them: `zone extract` and `zone ingest` on
each file of tests/hostile_corpus.py. Every file gets either figures or a one-line refusal
naming the file and the reason; never a traceback, an "internal error" or a hang, and a
refused file leaves the database exactly as it was."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import SEED
from hostile_corpus import Case, cases

from zone import cli

CASES = cases()
# A guard against hangs, not a timing: the slowest case takes a few seconds.
HANG_SECONDS = 120


def invoke(*args: str) -> Result:
    box: dict[str, Any] = {}

    def target() -> None:
        box["result"] = CliRunner().invoke(cli, list(args))

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(HANG_SECONDS)
    assert not thread.is_alive(), f"zone {' '.join(args)} hangs"
    return box["result"]


def check_outcome(result: Result, case: Case, path: Path) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    err = result.stderr.strip()
    assert "Traceback" not in err and "internal error" not in err, err
    if case.expected == "accepted":
        assert result.exit_code == 0, err
    elif case.expected != "either":
        assert result.exit_code == 1, (case.name, result.output)
    if result.exit_code == 1:
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"zone: {path}: "), lines
        if case.expected not in ("accepted", "either"):
            assert case.expected in lines[0], lines[0]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_extract_reads_or_refuses_in_one_line(case: Case, tmp_path: Path) -> None:
    path = tmp_path / case.name
    path.write_bytes(case.data)
    result = invoke("extract", str(path), "--json")
    check_outcome(result, case, path)
    if result.exit_code == 0:
        source = path.read_bytes()
        for line in result.stdout.splitlines():
            figure = json.loads(line)
            assert 0 <= figure["start"] < figure["end"] <= len(source)
            assert figure["value"] == figure["value"] and abs(figure["value"]) < 1e30  # finite
            if figure["period_start"] and figure["period_end"]:
                assert figure["period_start"] <= figure["period_end"]


def database_digest(db: Path) -> str:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return hashlib.sha256("\n".join(conn.iterdump()).encode("utf-8")).hexdigest()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("hostile") / "zone.db"
    result = CliRunner().invoke(cli, ["ingest", str(SEED), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


REFUSED = [c for c in CASES if c.expected != "accepted"]


@pytest.mark.parametrize("case", REFUSED, ids=[c.name for c in REFUSED])
def test_ingest_of_a_refused_or_strange_file_leaves_the_database_as_it_was(case: Case, seeded: Path,
                                                                          tmp_path: Path) -> None:
    path = tmp_path / case.name
    path.write_bytes(case.data)
    before = database_digest(seeded)
    result = invoke("ingest", str(path), "--db", str(seeded))
    check_outcome(result, case, path)
    if result.exit_code == 1:
        assert database_digest(seeded) == before
    else:  # accepted after all: take it out again so the next case starts from the seed alone
        with sqlite3.connect(seeded) as conn:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("DELETE FROM article WHERE path = ?", (str(path),))


def test_special_files_are_refused_by_what_they_are(tmp_path: Path, seeded: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.md"
    zero.symlink_to("/dev/zero")
    big = tmp_path / "big.md"
    big.write_bytes(b"---\ntitle: a\ndate: 2022-08-10\n---\n" + "投资".encode() * 1_000_000)
    before = database_digest(seeded)
    for path, reason in ((fifo, "named pipe"), (zero, "device"), (big, "over the 5 MB limit")):
        for args in (("extract", str(path)), ("ingest", str(path), "--db", str(seeded))):
            result = invoke(*args)
            assert result.exit_code == 1 and reason in result.stderr, result.stderr
    assert database_digest(seeded) == before


def test_the_corpus_is_the_size_the_contract_promises() -> None:
    assert len(CASES) + 3 >= 60
    assert sum(c.expected not in ("accepted", "either") for c in CASES) >= 20
