"""Crashes and concurrency: a killed ingest leaves whole articles only; two ingests at once both land."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEED

ZONE = [sys.executable, "-c", "from zone import cli; cli()"]


def synthetic_articles(folder: Path, n: int, first: int = 0) -> None:
    """n copies of the seed under other page ids, each with its own figure values."""
    folder.mkdir(parents=True, exist_ok=True)
    text = SEED.read_text(encoding="utf-8")
    for i in range(first, first + n):
        body = text.replace("content_66129.html", f"content_{i}.html").replace("41家", f"{100 + i}家")
        (folder / f"2022-08-10_{i:04d}.txt").write_text(body, encoding="utf-8")


def consistent(db: Path) -> tuple[int, int]:
    """Check the database is sound and every stored article is whole; return (articles, figures)."""
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
        counts = c.execute("""SELECT article.source_id, count(figure.id) FROM article
                              LEFT JOIN figure ON figure.article_id = article.id AND figure.origin = 'reported'
                              GROUP BY article.id""").fetchall()
        expected = c.execute("SELECT count(*) FROM figure JOIN article ON article.id = figure.article_id "
                             "WHERE article.source_id = '沧州日报/content_0' AND figure.origin = 'reported'").fetchone()[0]
        figures = c.execute("SELECT count(*) FROM figure").fetchone()[0]
    for source_id, n in counts:
        assert n == expected, f"{source_id} is partial: {n} of {expected} figures"
    return len(counts), figures


def processes_naming(path: Path) -> list[int]:
    """The ids of running processes whose command line names path."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and str(path).encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_killed_ingest_leaves_only_whole_articles(tmp_path, jobs):
    folder = tmp_path / "articles"
    synthetic_articles(folder, 60)
    db = tmp_path / "zone.db"
    subprocess.run(ZONE + ["ingest", str(folder / "2022-08-10_0000.txt"), "--db", str(db)], check=True,
                   capture_output=True, cwd=Path(__file__).resolve().parent.parent)
    proc = subprocess.Popen(ZONE + ["ingest", str(folder), "--db", str(db), "--jobs", jobs], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, cwd=Path(__file__).resolve().parent.parent)
    # Kill it mid-run, once a few articles have been reported.
    assert proc.stdout is not None
    for _ in range(5):
        proc.stdout.readline()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    articles, _ = consistent(db)
    assert 1 <= articles < 60
    # The pool's workers notice that the writer is gone and exit too.
    deadline = time.monotonic() + 30
    while processes_naming(db) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert processes_naming(db) == []
    done = subprocess.run(ZONE + ["ingest", str(folder), "--db", str(db)], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
    assert consistent(db)[0] == 60


def test_two_ingests_at_once_both_land(tmp_path):
    db = tmp_path / "zone.db"
    synthetic_articles(tmp_path / "a", 12, first=0)
    synthetic_articles(tmp_path / "b", 12, first=100)
    repo = Path(__file__).resolve().parent.parent
    procs = [subprocess.Popen(ZONE + ["ingest", str(tmp_path / part), "--db", str(db)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, cwd=repo) for part in ("a", "b")]
    started = time.monotonic()
    results = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [r[1] for r in results]
    assert time.monotonic() - started < 120
    assert consistent(db)[0] == 24
