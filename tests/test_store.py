from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from ingest.model import Article, Figure, Paragraph
from ingest.store import open_db, save_article


def make_article(text: str = "今年以来,签约项目56个,总投资270.883亿元。", sha: str = "a" * 64) -> Article:
    p = Paragraph(index=1, text=text, offsets=tuple(range(len(text))))
    return Article(path="t.txt", source=text, encoding="utf-8", sha256=sha, format="text",
                   published=date(2022, 8, 10), title="测试", source_id="测试报/1", paragraphs=[p],
                   paper="测试报", region="沧州经济开发区")


def figure(article: Article, surface: str, value: float, unit: str) -> Figure:
    start = article.source.index(surface)
    return Figure(start=start, end=start + len(surface), text=surface, value=value, unit=unit,
                  period_start="2022-08-10", period_end="2022-08-10", subject="签约项目", sector="招商引资",
                  paragraph=1, sentence=article.source, sentence_start=0, sentence_end=len(article.source))


def test_schema_is_idempotent_and_strict(db_path):
    conn = open_db(db_path)
    conn.close()
    conn = open_db(db_path)  # applying schema.sql again changes nothing and does not fail
    sql = {name: s for name, s in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")}
    assert {"article", "figure", "indicator", "region", "review"} <= set(sql)
    # Every table of ours is STRICT; the full-text index is FTS5's (a virtual table and its shadow tables).
    search = {name for name, s in sql.items() if s.startswith("CREATE VIRTUAL TABLE")}
    assert search == {"article_fts", "figure_fts"}
    ours = {name: s for name, s in sql.items() if not any(name.startswith(f"{t}_") or name == t for t in search)}
    assert all("STRICT" in s for s in ours.values()), ours
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_check_constraints_reject_bad_rows(conn):
    article = make_article()
    save_article(conn, article, [figure(article, "56个", 56, "个")], "t1")
    bad = [
        "UPDATE figure SET qualifier = 'roughly'",
        "UPDATE figure SET kind = 'guess'",
        "UPDATE figure SET period_start = '2022-13-01'",
        "UPDATE article SET published = '10/08/2022'",
        "UPDATE figure SET value = 'many'",
    ]
    for sql in bad:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(sql)


def test_save_is_idempotent_and_replaces_changed_versions(conn):
    article = make_article()
    figures = [figure(article, "56个", 56, "个"), figure(article, "270.883亿元", 27088300000, "元")]
    first = save_article(conn, article, figures, "t1")
    assert (first.status, first.found, first.new) == ("new", 2, 2)
    again = save_article(conn, article, figures, "t1")
    assert again.status == "unchanged"
    assert conn.execute("SELECT count(*) FROM figure").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM article").fetchone()[0] == 1

    changed = replace(article, sha256="b" * 64)
    result = save_article(conn, changed, figures[:1], "t1")
    assert (result.status, result.found, result.new, result.replaced, result.dropped) == ("replaced", 1, 0, 1, 1)
    assert conn.execute("SELECT count(*) FROM figure").fetchone()[0] == 1

    # Improved rules re-extract an unchanged file.
    assert save_article(conn, changed, figures, "t2").status == "replaced"


def test_failed_save_leaves_database_as_it_was(conn):
    article = make_article()
    save_article(conn, article, [figure(article, "56个", 56, "个")], "t1")
    before = conn.execute("SELECT * FROM figure").fetchall()
    broken = replace(figure(article, "56个", 56, "个"), qualifier="nonsense")
    with pytest.raises(sqlite3.IntegrityError):
        save_article(conn, replace(article, sha256="c" * 64), [figure(article, "56个", 56, "个"), broken], "t1")
    assert conn.execute("SELECT * FROM figure").fetchall() == before
    assert conn.execute("SELECT sha256 FROM article").fetchone()[0] == "a" * 64
    assert not conn.in_transaction


def test_region_rows_are_made_once(conn):
    article = make_article()
    save_article(conn, article, [figure(article, "56个", 56, "个")], "t1")
    save_article(conn, replace(article, source_id="测试报/2"), [], "t1")
    assert conn.execute("SELECT name FROM region").fetchall() == [("沧州经济开发区",)]


def test_opening_a_current_database_writes_nothing(db_path):
    open_db(db_path).close()
    before = db_path.read_bytes()
    db_path.chmod(0o444)
    try:
        conn = open_db(db_path)  # a read-only file opens: the schema is already applied
        assert conn.execute("SELECT count(*) FROM figure").fetchone()[0] == 0
        conn.close()
    finally:
        db_path.chmod(0o644)
    assert db_path.read_bytes() == before


def test_a_database_from_an_older_schema_is_brought_up_to_date(db_path):
    conn = open_db(db_path)
    conn.execute("DROP VIEW series")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    conn = open_db(db_path)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'series'").fetchone()[0] == 1


def test_a_sentence_holding_many_figures_is_stored_once(conn):
    # One "sentence" of 2,000 counts joined by 、 (a flattened list): one sentence row, not a
    # copy per figure; each figure's row of figure_current shows its stretch of it.
    text = "分别为" + "、".join(f"{i}个" for i in range(2000)) + "。"
    article = make_article(text)
    figures = []
    for i in range(2000):
        start = text.index(f"、{i}个") + 1 if i else 3
        figures.append(Figure(start=start, end=start + len(f"{i}个"), text=f"{i}个", value=i, unit="个",
                              paragraph=1, sentence=text, sentence_start=0, sentence_end=len(text)))
    save_article(conn, article, figures, "t1")
    assert conn.execute("SELECT count(*), sum(length(text)) FROM sentence").fetchone() == (1, len(text))
    assert conn.execute("SELECT count(DISTINCT sentence_id) FROM figure").fetchone()[0] == 1
    stretches = conn.execute("SELECT f.text, f.start - f.sentence_start, f.sentence FROM figure_current f").fetchall()
    assert len(stretches) == 2000
    for written, at, stretch in stretches:
        assert len(stretch) <= 600 + len(written) and stretch[at:at + len(written)] == written
        assert stretch in text
    # The search index holds each figure's clause, bounded around it, not the whole sentence.
    longest = conn.execute("SELECT max(length(clause)) FROM figure_fts").fetchone()[0]
    assert longest < 400 < len(text)


def test_extracted_figures_of_one_sentence_share_it_and_store_it_whole(conn):
    # Past the sentence window (ingest.extract.blocks), figures keep only the stretch around them;
    # the sentence row keeps all of it, once.
    from ingest.extract import extract_figures

    text = "全区现有" + "、".join(f"{i}家" for i in range(1, 400)) + "。"
    article = make_article(text)
    figures = extract_figures(article)
    assert len(figures) > 300 and len(figures[200].sentence) < len(text)
    assert len({id(f.whole_sentence) for f in figures}) == 1   # one object for the whole sentence
    save_article(conn, article, figures, "t1")
    assert conn.execute("SELECT text FROM sentence").fetchall() == [(text,)]


def test_resaving_replaces_the_sentences_with_the_figures(conn):
    article = make_article()
    save_article(conn, article, [figure(article, "56个", 56, "个")], "t1")
    save_article(conn, replace(article, sha256="b" * 64), [figure(article, "56个", 56, "个")], "t1")
    assert conn.execute("SELECT count(*) FROM sentence").fetchone()[0] == 1
    conn.execute("DELETE FROM article")
    assert conn.execute("SELECT count(*) FROM sentence").fetchone()[0] == 0


def test_a_database_with_sentences_in_its_figure_rows_asks_for_a_rebuild(db_path):
    # Built before the sentence table: figure has sentence, sentence_start and sentence_end and no
    # sentence_id. Tables are never altered in place, so it is refused in one line, unchanged.
    from ingest.store import SCHEMA_PATH, SchemaError

    schema = SCHEMA_PATH.read_text(encoding="utf-8")
    current = "    sentence_id    INTEGER NOT NULL REFERENCES sentence(id) ON DELETE CASCADE,"
    assert current in schema
    old = schema.replace(current, "    sentence TEXT NOT NULL, sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,")
    old_conn = sqlite3.connect(db_path)
    old_conn.executescript(old[:old.index("CREATE INDEX IF NOT EXISTS figure_article")] + "COMMIT;")
    old_conn.close()
    before = db_path.read_bytes()
    with pytest.raises(SchemaError, match="built by an older zone.*sentence_id.*rebuild it"):
        open_db(db_path)
    assert db_path.read_bytes() == before
