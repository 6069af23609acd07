"""`zone ingest --jobs N`: workers read, extract and link, one writer saves in input order;
the database ends up exactly as with one process, and a bad file stops only itself."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from click.testing import CliRunner
from conftest import REPO, SEED, db_snapshot

from ingest.pipeline import Writer, prepare
from ingest.reader import Overrides
from zone import cli

FIXTURES = REPO / "tests" / "fixtures" / "articles"


def without_times(snapshot: dict[str, list[tuple]], db: Path) -> dict[str, list[tuple]]:
    """A snapshot with the ingest timestamp blanked (the one column that differs run to run)."""
    with sqlite3.connect(db) as c:
        at = [r[1] for r in c.execute("PRAGMA table_info(article)")].index("ingested_at")
    snapshot["article"] = [row[:at] + row[at + 1:] for row in snapshot["article"]]
    return snapshot


def test_jobs_2_stores_exactly_the_rows_of_jobs_1(tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    first = CliRunner().invoke(cli, ["ingest", str(FIXTURES), str(SEED), "--db", str(one)])
    second = CliRunner().invoke(cli, ["ingest", str(FIXTURES), str(SEED), "--db", str(two), "--jobs", "2"])
    assert first.exit_code == 0 and second.exit_code == 0, second.output
    assert first.output == second.output   # the same lines, in input order
    snapshot = without_times(db_snapshot(two), two)
    assert len(snapshot["figure"]) > 300
    assert snapshot == without_times(db_snapshot(one), one)
    again = CliRunner().invoke(cli, ["ingest", str(FIXTURES), "--db", str(two), "--jobs", "2"])
    assert again.exit_code == 0 and all(": unchanged, " in line for line in again.output.splitlines())


def test_a_bad_file_among_good_ones_with_jobs_2(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(FIXTURES, folder)
    (folder / "2018-01-01_broken.txt").write_bytes(b"\x00\x01binary")
    (folder / "2018-01-02_empty.md").write_bytes(b"")
    db = tmp_path / "zone.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "--jobs", "2"])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("zone: ")]
    assert len(errors) == 2
    assert "2018-01-01_broken.txt" in errors[0] and "binary" in errors[0]
    assert "2018-01-02_empty.md" in errors[1] and "empty" in errors[1]
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT count(*) FROM article").fetchone()[0] == len(list(FIXTURES.iterdir()))


def test_an_article_that_breaks_a_rule_is_rolled_back_alone(tmp_path, monkeypatch):
    """Articles share a commit but each is a savepoint: one refused leaves the others whole."""
    monkeypatch.setattr("ingest.pipeline.COMMIT_SECONDS", 3600)
    db = tmp_path / "zone.db"
    lines: list[tuple[str, bool]] = []
    writer = Writer(db, lambda line, error: lines.append((line, error)))
    good = prepare(SEED, Overrides(), 5 * 2**20)
    assert good.figures
    broken = prepare(FIXTURES / "2013-09-16_hkcd_lingang.txt", Overrides(), 5 * 2**20)
    assert broken.figures
    broken.figures[1].start = -1   # a figure the CHECK constraints refuse
    writer.save(broken)
    writer.save(good)
    assert lines == []   # nothing reported before it is committed
    writer.close()
    assert [error for _, error in lines] == [True, False]
    assert "break a database rule" in lines[0][0] and SEED.name in lines[1][0]
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT count(*) FROM article").fetchone()[0] == 1
        assert c.execute("SELECT count(*) FROM figure WHERE origin = 'reported'").fetchone()[0] == len(good.figures)
