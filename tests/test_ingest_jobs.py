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
from ingest.search_index import index_article
from ingest.store import defer_indexes, open_db
from zone import cli

FIXTURES = REPO / "tests" / "fixtures" / "articles"


def without_times(snapshot: dict[str, list[tuple]], db: Path) -> dict[str, list[tuple]]:
    """A snapshot with the ingest timestamp blanked (the one column that differs run to run)."""
    with sqlite3.connect(db) as c:
        at = [r[1] for r in c.execute("PRAGMA table_info(article)")].index("ingested_at")
    snapshot["article"] = [row[:at] + row[at + 1:] for row in snapshot["article"]]
    # The full-text index's own b-trees (FTS5's _data and _idx tables) are laid out by when the
    # writer commits, which depends on time (pipeline.COMMIT_SECONDS): its search rows are written
    # once per commit. What it holds is compared (the fts tables and their _content), and checked.
    with sqlite3.connect(db) as c:
        for fts in ("article_fts", "figure_fts"):
            c.execute(f"INSERT INTO {fts} ({fts}) VALUES ('integrity-check')")
            del snapshot[f"{fts}_data"], snapshot[f"{fts}_idx"]
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


def test_search_rows_held_until_the_commit_are_those_of_the_articles_as_saved(tmp_path, monkeypatch):
    """The writer writes its articles' search rows just before each commit (one FTS5 segment per
    commit, not per article): an article saved twice before a commit is indexed as saved last,
    one refused is not indexed, and the rows are those index_article reads back."""
    monkeypatch.setattr("ingest.pipeline.COMMIT_SECONDS", 3600)
    text = SEED.read_text(encoding="utf-8")
    shorter = tmp_path / SEED.name   # the same article (its source id is on the last line), re-published shorter
    lines = text.splitlines(keepends=True)
    shorter.write_text("".join(lines[:len(lines) // 2] + lines[-1:]), encoding="utf-8")
    db = tmp_path / "zone.db"
    writer = Writer(db, lambda line, error: None)
    first, second = prepare(SEED, Overrides(), 5 * 2**20), prepare(shorter, Overrides(), 5 * 2**20)
    broken = prepare(FIXTURES / "2013-09-16_hkcd_lingang.txt", Overrides(), 5 * 2**20)
    assert first.figures and second.figures and broken.figures and len(second.figures) < len(first.figures)
    broken.figures[1].start = -1   # a figure the CHECK constraints refuse
    for prepared in (first, second, broken):
        writer.save(prepared)
    writer.close()
    conn = open_db(db)
    try:
        def search() -> list[list[tuple]]:
            return [conn.execute(f"SELECT rowid, * FROM {t} ORDER BY rowid").fetchall() for t in ("article_fts", "figure_fts")]

        held = search()
        assert [r[0] for r in held[1]] == [i for (i,) in conn.execute(
            "SELECT id FROM figure WHERE origin = 'reported' ORDER BY id")]
        assert len(held[0]) == 1 and len(held[1]) == len(second.figures)
        conn.execute("BEGIN")
        conn.execute("DELETE FROM article_fts")
        conn.execute("DELETE FROM figure_fts")
        index_article(conn, held[0][0][0])
        assert search() == held
        conn.execute("ROLLBACK")
    finally:
        conn.close()


def indexes(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as c:
        return c.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                         "ORDER BY name").fetchall()


def test_a_bulk_load_stores_the_rows_and_indexes_of_a_row_by_row_one(tmp_path, monkeypatch):
    """A run that at least doubles the database builds the figure table's secondary indexes once
    at its end: the same rows, and every index of schema.sql again, as a run that keeps them up."""
    plain, bulk = tmp_path / "plain.db", tmp_path / "bulk.db"
    assert CliRunner().invoke(cli, ["ingest", str(FIXTURES), str(SEED), "--db", str(plain)]).exit_code == 0
    monkeypatch.setattr("ingest.pipeline.BULK_ARTICLES", 2)
    dropped: list[list[str]] = []
    monkeypatch.setattr("ingest.pipeline.defer_indexes", lambda conn: dropped.append(defer_indexes(conn)) or dropped[-1])
    result = CliRunner().invoke(cli, ["ingest", str(FIXTURES), str(SEED), "--db", str(bulk), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert len(dropped) == 1 and "figure_series" in dropped[0] and "figure_article" not in dropped[0]
    assert indexes(bulk) == indexes(plain)
    assert without_times(db_snapshot(bulk), bulk) == without_times(db_snapshot(plain), plain)
    # A later run of a few articles into the now larger database is not a bulk load.
    again = CliRunner().invoke(cli, ["ingest", str(SEED), "--db", str(bulk), "--force"])
    assert again.exit_code == 0 and len(dropped) == 1


def test_a_bulk_load_cut_short_still_leaves_every_index(tmp_path, monkeypatch):
    """Interrupted (the held articles rolled back) or killed after a commit (nothing ran at its
    end), a bulk load leaves a database whose indexes are all there once it is opened again."""
    monkeypatch.setattr("ingest.pipeline.BULK_ARTICLES", 1)
    reference = tmp_path / "reference.db"
    open_db(reference).close()
    seed = prepare(SEED, Overrides(), 5 * 2**20)
    interrupted = tmp_path / "interrupted.db"
    writer = Writer(interrupted, lambda line, error: None, to_write=5)
    writer.save(seed)
    assert writer.deferred
    writer.close(commit=False)
    assert indexes(interrupted) == indexes(reference)
    with sqlite3.connect(interrupted) as c:
        assert c.execute("SELECT count(*) FROM article").fetchone()[0] == 0
    killed = tmp_path / "killed.db"
    writer = Writer(killed, lambda line, error: None, to_write=5)
    writer.save(seed)
    writer.commit()
    assert writer.conn is not None
    writer.conn.close()   # as after SIGKILL: close() never ran
    assert indexes(killed) != indexes(reference)
    open_db(killed).close()
    assert indexes(killed) == indexes(reference)
    with sqlite3.connect(killed) as c:
        assert c.execute("SELECT count(*) FROM figure WHERE origin = 'reported'").fetchone()[0] == len(seed.figures or [])
