"""The zone command as a user runs it: CliRunner, then look in the database."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, SEED, db_snapshot

from zone import cli


def run(*args: str) -> "click.testing.Result":  # type: ignore[name-defined]  # noqa: F821
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_help_lists_every_command_with_its_docstring():
    result = run("--help")
    assert result.exit_code == 0
    listed = {line.split()[0]: line for line in result.output.split("Commands:")[1].splitlines() if line.strip()}
    assert set(listed) == set(cli.commands) >= {"ingest", "extract", "serve", "brief", "review", "series"}
    for name, command in cli.commands.items():
        first_line = (command.help or "").strip().splitlines()[0]
        assert first_line[:20] in listed[name], name  # the docstring is the help
        sub = run(name, "--help")
        assert sub.exit_code == 0 and " ".join(first_line.split())[:40] in " ".join(sub.output.split()), name


def test_ingest_seed_then_again_adds_nothing(db_path):
    first = run("ingest", str(SEED), "--db", str(db_path))
    assert first.exit_code == 0, first.output
    assert "new" in first.output and "figures found" in first.output
    with sqlite3.connect(db_path) as c:
        paper, published, edition, page, title, source_id = c.execute(
            "SELECT paper, published, edition, page, title, source_id FROM article").fetchone()
        count = c.execute("SELECT count(*) FROM figure").fetchone()[0]
    assert (paper, published, edition, page) == ("沧州日报", "2022-08-10", "第08版:08", "content_66129.html")
    assert title.startswith("沧州经济开发区")
    assert source_id == "沧州日报/content_66129"
    assert count >= 60
    before = db_snapshot(db_path)
    again = run("ingest", str(SEED), "--db", str(db_path))
    assert again.exit_code == 0
    assert "unchanged" in again.output
    assert db_snapshot(db_path) == before


def test_figures_point_back_to_their_sentence(db_path):
    run("ingest", str(SEED), "--db", str(db_path))
    with sqlite3.connect(db_path) as c:
        rows = c.execute("""SELECT figure.text, figure.start, figure."end", sentence.text,
                                   sentence.start, sentence."end", article.text
                            FROM figure JOIN article ON article.id = figure.article_id
                            JOIN sentence ON sentence.id = figure.sentence_id
                            WHERE figure.origin = 'reported'""").fetchall()
    for text, start, end, sentence, s_start, s_end, article_text in rows:
        assert article_text[start:end] == text
        assert s_start <= start and end <= s_end
        assert text in sentence


def test_changed_article_replaces_its_figures(db_path, tmp_path):
    copy = tmp_path / SEED.name
    shutil.copy(SEED, copy)
    run("ingest", str(copy), "--db", str(db_path))
    text = copy.read_text(encoding="utf-8").replace("41家国内外知名汽车零部件", "43家国内外知名汽车零部件")
    copy.write_text(text, encoding="utf-8")
    result = run("ingest", str(copy), "--db", str(db_path))
    assert result.exit_code == 0
    assert "replaced" in result.output
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT count(*) FROM article").fetchone()[0] == 1
        assert c.execute("SELECT count(*) FROM figure WHERE text = '43家'").fetchone()[0] == 1
        assert c.execute("SELECT count(*) FROM figure WHERE text = '41家'").fetchone()[0] == 0


BAD_INPUTS = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\n", "empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "undecodable.txt": (b"2022\xc4\xea\xff\xff\xfe\x80\x80 text", "neither UTF-8 nor GB18030"),
    "undated.txt": ("开发区今年签约项目12个,总投资30亿元。\n".encode(), "date"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_and_changes_nothing(name, db_path, tmp_path):
    run("ingest", str(SEED), "--db", str(db_path))
    before = db_snapshot(db_path)
    data, reason = BAD_INPUTS[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    result = CliRunner().invoke(cli, ["ingest", str(bad), "--db", str(db_path)])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert str(bad) in lines[0] and reason in lines[0]
    assert db_snapshot(db_path) == before


def test_bad_input_creates_no_database(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    db = tmp_path / "new.db"
    result = CliRunner().invoke(cli, ["ingest", str(bad), "--db", str(db)])
    assert result.exit_code != 0
    assert not db.exists()


def test_folder_with_one_bad_file_ingests_the_rest(db_path, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    (folder / "broken.txt").write_bytes(b"\x00\x01")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db_path)])
    assert result.exit_code == 1
    assert "broken.txt" in result.output and SEED.name in result.output
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT count(*) FROM article").fetchone()[0] == 1


def test_extract_json_touches_no_database(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("extract", str(SEED), "--json")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    text = SEED.read_text(encoding="utf-8")
    required = {"start", "end", "text", "sentence", "value", "value_max", "unit", "qualifier", "kind",
                "period_start", "period_end", "subject", "sector"}
    for row in rows:
        assert required <= set(row)
        assert text[row["start"]:row["end"]] == row["text"]
    by_text = {row["text"]: row for row in rows}
    assert by_text["27.1亿元"]["value"] == 2710000000 and by_text["27.1亿元"]["unit"] == "元"
    assert by_text["189万吨"]["value"] == 1890000 and by_text["189万吨"]["unit"] == "吨"
    assert not list(tmp_path.iterdir())


def table_rows(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows except the ingest timestamp, which differs on each build."""
    with sqlite3.connect(path) as c:
        out = {}
        for (table,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"):
            cols = [r[1] for r in c.execute(f'PRAGMA table_info("{table}")') if r[1] != "ingested_at"]
            select = ", ".join(f'"{col}"' for col in cols)
            out[table] = sorted(c.execute(f'SELECT {select} FROM "{table}"').fetchall(), key=repr)
        return out


def test_committed_zone_db_is_built_from_articles(tmp_path, monkeypatch):
    """zone.db must be what `zone ingest articles/ --db zone.db` makes now; rebuild it if this fails."""
    monkeypatch.chdir(REPO)
    fresh = tmp_path / "fresh.db"
    result = run("ingest", "articles/", "--db", str(fresh))
    assert result.exit_code == 0, result.output
    assert (REPO / "zone.db").exists(), "zone.db is missing: rm -f zone.db && zone ingest articles/ --db zone.db"
    assert table_rows(REPO / "zone.db") == table_rows(fresh), \
        "zone.db is stale: rm -f zone.db && .venv/bin/zone ingest articles/ --db zone.db"


def test_a_database_from_an_older_zone_is_one_line_with_the_fix(db_path):
    with sqlite3.connect(db_path) as c:  # a figure table without the columns schema.sql indexes
        c.execute("CREATE TABLE figure (id INTEGER PRIMARY KEY, article_id INTEGER)")
    result = CliRunner().invoke(cli, ["review", "--db", str(db_path)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and str(db_path) in lines[0] and "rebuild" in lines[0]


def test_extract_explain_names_the_rule_behind_every_kind_and_period():
    result = run("extract", str(SEED), "--explain")
    assert result.exit_code == 0, result.output
    blocks = [b for b in result.output.split("\n") if b and not b.startswith("    ")]
    kinds = [line for line in result.output.splitlines() if line.startswith("    kind ")]
    periods = [line for line in result.output.splitlines() if line.startswith("    period ")]
    assert len(blocks) == len(kinds) == len(periods) >= 60
    # every line carries a reason after the value it explains
    assert all(len(line.split(None, 2)) == 3 for line in kinds + periods)
    assert any("own time phrase (since): 今年以来" in line for line in periods)
    assert any("change: " in line for line in kinds)


def test_extract_json_carries_the_reasons():
    result = run("extract", str(SEED), "--json")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all(r["why_kind"] and r["why_period"] for r in rows)


def test_link_evidence_is_stored_and_shown_by_review(db_path):
    run("ingest", str(SEED), "--db", str(db_path))
    with sqlite3.connect(db_path) as c:
        rows = c.execute("SELECT id, indicator_id, link_evidence FROM figure WHERE origin = 'reported'").fetchall()
        current = dict(c.execute("SELECT id, link_evidence FROM figure_current"))
    assert rows and all(evidence for _, _, evidence in rows)
    for figure_id, indicator, evidence in rows:
        # A linked figure's evidence names the words and ends with the indicator they make;
        # an unlinked one says why not.
        assert evidence.endswith(f"-> {indicator}") if indicator else evidence.startswith("unlinked")
        assert current[figure_id] == evidence
    listing = run("review", "--db", str(db_path), "--limit", "1000").output
    assert listing.splitlines()[0].split()[-1] == "why"
    waiting = [(i, e) for i, ind, e in rows if ind is None]
    assert waiting
    for figure_id, evidence in waiting:
        line = next(x for x in listing.splitlines() if x.split()[0] == str(figure_id))
        assert " ".join(evidence.split())[:60] in line
