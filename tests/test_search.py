"""Chinese full-text search: the segmentation stored at ingest, the query rewrite, and the
index kept in step with articles and figures (ingest/store.py, browse/search.py, schema.sql)."""
from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from browse.search import MATCH_NOTHING, fts_query
from common.text_index import search_text
from ingest.model import Article, Figure, Paragraph
from ingest.search_index import backfill_search, figure_clause
from ingest.store import article_search_texts, open_db, save_article


def make_article(text: str, title: str = "开发区经济运行", source_id: str = "测试报/1", sha: str = "a" * 64) -> Article:
    p = Paragraph(index=1, text=text, offsets=tuple(range(len(text))))
    return Article(path="t.txt", source=text, encoding="utf-8", sha256=sha, format="text",
                   published=date(2022, 8, 10), title=title, source_id=source_id, paragraphs=[p],
                   paper="测试报", region="沧州经济开发区")


def figure(article: Article, surface: str, value: float, unit: str, subject: str) -> Figure:
    start = article.source.index(surface)
    s_start = max(article.source.rfind("。", 0, start) + 1, 0)
    s_end = article.source.index("。", start) + 1
    return Figure(start=start, end=start + len(surface), text=surface, value=value, unit=unit,
                  period_start="2021-01-01", period_end="2021-12-31", subject=subject, sector="工业",
                  paragraph=1, sentence=article.source[s_start:s_end], sentence_start=s_start, sentence_end=s_end)


TEXT = ("管道装备制造一直是开发区的主导产业。2021年该产业贡献产值32.21亿元,占全部规上工业企业总产值的20%。"
        "拥有各类经济主体50余家,其中医药生产企业21家。目前已有41家汽车零部件企业落户,签约项目56个。")


def seed(conn: sqlite3.Connection, swap: tuple[str, str] = ("", ""), sha: str = "a" * 64) -> Article:
    """The test article, with one word swapped for another in its text and subjects."""
    article = make_article(TEXT.replace(*swap) if swap[0] else TEXT, sha=sha)
    specs = [("32.21亿元", 3_221_000_000, "元", "该产业贡献产值"), ("20%", 20, "%", "产值占比"),
             ("50余家", 50, "家", "各类经济主体"), ("21家", 21, "家", "医药生产企业"),
             ("41家", 41, "家", "汽车零部件企业"), ("56个", 56, "个", "签约项目")]
    figures = [figure(article, *spec[:3], spec[3].replace(*swap) if swap[0] else spec[3]) for spec in specs]
    save_article(conn, article, figures, "t1")
    return article


def found(conn: sqlite3.Connection, query: str) -> list[str]:
    conn.create_function("zone_fts", 1, fts_query)
    return [t for (t,) in conn.execute(
        "SELECT figure.text FROM figure_fts JOIN figure ON figure.id = figure_fts.rowid "
        "WHERE figure_fts MATCH zone_fts(?) ORDER BY bm25(figure_fts, 5.0, 1.0), figure.id", (query,))]


# --- segmentation and queries ----------------------------------------------------------------

def test_han_runs_become_bigrams_and_their_last_character() -> None:
    assert search_text("汽车产业") == " 汽车 车产 产业 业 "
    assert search_text("PM2.5浓度") == "PM2.5 浓度 度 "
    assert search_text("年") == " 年 "
    assert search_text("") == "" and search_text(None) == ""


def test_queries_are_phrases_of_bigrams_prefixes_and_quoted_words() -> None:
    assert fts_query("产值") == '"产值"'
    assert fts_query("签约项目") == '"签约 约项 项目"'
    assert fts_query("汽") == '"汽"*'
    assert fts_query("PM2.5") == '"PM2.5"'
    assert fts_query("汽车 投资") == '"汽车" AND "投资"'
    assert fts_query("汽车 OR 投资") == '"汽车" OR "投资"'
    assert fts_query("产值32.21亿元") == '("产值" AND "32.21" AND "亿元")'
    assert fts_query('"签约项目"') == '"签约 约项 项目"'
    for nothing in ("", None, "%", "  ", '"', "OR", "()*:^"):
        assert fts_query(nothing) == MATCH_NOTHING


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('汽车产值 "*():^-+ORANDNOTab1.,%{}\\')), max_size=20))
def test_any_typed_query_is_valid_fts5(query: str) -> None:
    with sqlite3.connect(":memory:") as c:
        c.execute("CREATE VIRTUAL TABLE t USING fts5(a)")
        c.execute("INSERT INTO t (a) VALUES (?)", (search_text("汽车产值 ab 1.5"),))
        c.execute("SELECT * FROM t WHERE t MATCH ?", (fts_query(query),)).fetchall()


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("汽车产值投资签约项目,。PM2.5 ")), min_size=1, max_size=30),
       data=st.data())
def test_every_substring_of_a_han_run_is_found(text: str, data: st.DataObject) -> None:
    """Recall is exact within a run of Han characters: any substring of it is found."""
    import re
    runs = re.findall(r"[\u4e00-\u9fff]+", text)
    if not runs:
        return
    run = data.draw(st.sampled_from(runs))
    i = data.draw(st.integers(0, len(run) - 1))
    j = data.draw(st.integers(i + 1, len(run)))
    with sqlite3.connect(":memory:") as c:
        c.execute("CREATE VIRTUAL TABLE t USING fts5(a)")
        c.execute("INSERT INTO t (a) VALUES (?)", (search_text(text),))
        c.execute("INSERT INTO t (a) VALUES (?)", (search_text("无关的文字"),))
        hits = c.execute("SELECT rowid FROM t WHERE t MATCH ?", (fts_query(run[i:j]),)).fetchall()
    assert hits == [(1,)]


def test_a_figure_is_found_by_its_own_clause() -> None:
    sentence = "拥有各类经济主体50余家,其中医药生产企业21家,2021年贡献产值合计13亿元;"
    assert figure_clause(sentence, sentence.index("50余家"), sentence.index("50余家") + 4) == "拥有各类经济主体50余家"
    assert figure_clause(sentence, sentence.index("13亿元"), sentence.index("13亿元") + 4) == "2021年贡献产值合计13亿元"


# --- the index at ingest -----------------------------------------------------------------------

def test_two_character_words_phrases_and_single_characters_are_found(conn: sqlite3.Connection) -> None:
    seed(conn)
    # 产值 finds the figures of 产值, not 50余家 and 21家 from the next sentence.
    assert sorted(found(conn, "产值")) == ["20%", "32.21亿元"]
    assert found(conn, "汽车") == ["41家"]
    assert found(conn, "签约项目") == ["56个"]
    assert found(conn, "汽车 零部件") == ["41家"]
    assert sorted(found(conn, "汽车 OR 签约项目")) == ["41家", "56个"]
    assert found(conn, "医") == ["21家"]
    assert sorted(found(conn, "值")) == ["20%", "32.21亿元"]  # the last character of a run
    assert found(conn, "32.21") == ["32.21亿元"]
    assert found(conn, "投资") == []
    assert found(conn, "%") == []


def test_the_subject_ranks_above_the_clause(conn: sqlite3.Connection) -> None:
    seed(conn)
    # 企业 is in the subject of 21家 and 41家, and only in the clause of 20% (规上工业企业总产值).
    assert found(conn, "企业")[-1] == "20%"
    assert found(conn, "贡献产值") == ["32.21亿元"]


def test_articles_are_searched_by_title_and_text(conn: sqlite3.Connection) -> None:
    seed(conn)
    conn.create_function("zone_fts", 1, fts_query)

    def articles(q: str) -> list[int]:
        return [r for (r,) in conn.execute("SELECT rowid FROM article_fts WHERE article_fts MATCH zone_fts(?)", (q,))]

    assert articles("经济运行") == [1]   # title
    assert articles("管道装备") == [1]   # text
    assert articles("高铁") == []


def test_re_ingest_replaces_the_index_and_deleting_removes_it(conn: sqlite3.Connection) -> None:
    seed(conn)
    seed(conn, ("汽车零部件", "新能源电池"), sha="b" * 64)
    assert found(conn, "汽车") == [] and found(conn, "电池") == ["41家"]
    assert conn.execute("SELECT count(*) FROM figure_fts").fetchone()[0] == 6
    assert conn.execute("SELECT count(*) FROM article_fts").fetchone()[0] == 1
    # The figures' rowids are the new figures' ids.
    assert {r for (r,) in conn.execute("SELECT rowid FROM figure_fts")} == \
        {r for (r,) in conn.execute("SELECT id FROM figure WHERE origin = 'reported'")}
    conn.execute("DELETE FROM article")  # cascades to the figures
    assert conn.execute("SELECT count(*) FROM figure_fts").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM article_fts").fetchone()[0] == 0


def test_a_failed_save_leaves_the_index_as_it_was(conn: sqlite3.Connection) -> None:
    article = seed(conn)
    before = conn.execute("SELECT rowid, subject, clause FROM figure_fts ORDER BY rowid").fetchall()
    broken = replace(make_article(TEXT.replace("汽车", "电池"), sha="c" * 64))
    bad = figure(broken, "41家", 41, "家", "电池企业")
    bad = replace(bad, qualifier="roughly")  # violates a CHECK: the save rolls back
    with pytest.raises(sqlite3.IntegrityError):
        save_article(conn, broken, [bad], "t1")
    assert conn.execute("SELECT rowid, subject, clause FROM figure_fts ORDER BY rowid").fetchall() == before
    assert found(conn, "汽车") == ["41家"] and article


def test_an_older_database_gets_its_index_on_the_next_open(db_path: Path) -> None:
    conn = open_db(db_path)
    seed(conn)
    # As a database built before the index: no search rows, an older schema version.
    conn.execute("DELETE FROM figure_fts")
    conn.execute("DELETE FROM article_fts")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    conn = open_db(db_path)
    try:
        assert found(conn, "汽车") == ["41家"]
        assert conn.execute("SELECT count(*) FROM article_fts").fetchone()[0] == 1
        assert backfill_search(conn) == 0  # nothing left to index
    finally:
        conn.close()


def test_serving_a_database_without_the_index_says_how_to_get_it(db_path: Path) -> None:
    from browse.serve import ServeError, inspect_database

    conn = open_db(db_path)
    seed(conn)
    conn.execute("DROP TABLE figure_fts")
    conn.close()
    with pytest.raises(ServeError, match=r"no figure_fts\); update it with: zone ingest"):
        inspect_database(db_path)
    conn = open_db(db_path)  # the same schema version: nothing re-applied yet
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    conn = open_db(db_path)  # as `zone ingest` opens it: schema re-applied, index backfilled
    try:
        assert found(conn, "汽车") == ["41家"]
    finally:
        conn.close()
    assert inspect_database(db_path).figures == 6


def test_search_texts_made_beforehand_must_fit_the_figures(conn: sqlite3.Connection) -> None:
    """A worker makes an article's search texts (store.article_search_texts); texts made for
    other figures are refused and nothing of the article is saved."""
    article = make_article(TEXT)
    figures = [figure(article, "56个", 56, "个", "签约项目"), figure(article, "41家", 41, "家", "汽车零部件企业")]
    with pytest.raises(ValueError, match="search texts for 1 figures, 2 stored"):
        save_article(conn, article, figures, "t1", texts=article_search_texts(article, figures[:1]))
    assert conn.execute("SELECT count(*) FROM article").fetchone()[0] == 0
    save_article(conn, article, figures, "t1", texts=article_search_texts(article, figures))
    assert found(conn, "汽车") == ["41家"]
