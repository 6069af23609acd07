"""zone serve: a real Datasette process on a small hand-made database, queried over HTTP.

The database holds three short articles written for this test (two papers, three dates,
three sectors, one indicator with a tie on the same period). The server runs as a
subprocess exactly as a user starts it; the tests read its canned queries as JSON, try
every way of writing through it, and check the query plans of the canned queries.
"""
from __future__ import annotations

import asyncio
import hashlib
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest
import yaml
from click.testing import CliRunner

from browse import dashboard, warm
from browse import serve as browse_serve
from browse.pages import UNCERTAIN_MARGIN
from browse.search import fts_query
from browse.serve import DATABASE_NAME, ServeError, inspect_database, load_metadata, make_datasette
from ingest.model import Article, Figure
from ingest.store import open_db, save_article
from track.regions import register as register_region_key
from zone import cli

pytestmark = pytest.mark.slow

STARTUP_TIMEOUT = 20.0
XSS_TITLE = '港城晚报<script>alert("zone")</script>快讯'


# --- the test database -------------------------------------------------------------------

@dataclass
class Spec:
    surface: str
    value: float
    unit: str
    subject: str
    sector: str
    period: tuple[str, str]
    kind: str = "level"
    qualifier: str = "exact"
    indicator: str | None = None
    direction: str | None = None


def make_article(n: int, paper: str, published: date, title: str, text: str) -> Article:
    return Article(path=f"a{n}.txt", source=text, encoding="utf-8", sha256=hashlib.sha256(text.encode()).hexdigest(),
                   format="text", published=published, title=title, source_id=f"{paper}/content_{n}", paper=paper,
                   edition="第02版:要闻", page=f"content_{n}.html", region="临港开发区")


def make_figures(article: Article, specs: list[Spec]) -> list[Figure]:
    figures = []
    for spec in specs:
        start = article.source.index(spec.surface)
        s_start = article.source.rfind("。", 0, start) + 1
        s_end = article.source.index("。", start) + 1
        figures.append(Figure(
            start=start, end=start + len(spec.surface), text=spec.surface, value=spec.value, unit=spec.unit,
            qualifier=spec.qualifier, kind=spec.kind, direction=spec.direction, period_start=spec.period[0],
            period_end=spec.period[1], period_label=spec.period[0][:4] + "年", subject=spec.subject,
            sector=spec.sector, section=None, paragraph=1, sentence=article.source[s_start:s_end],
            sentence_start=s_start, sentence_end=s_end, indicator=spec.indicator, region="临港开发区"))
    return figures


Y2020 = ("2020-01-01", "2020-12-31")
Y2021 = ("2021-01-01", "2021-12-31")
FAI = "fixed_asset_investment"

ARTICLES: list[tuple[Article, list[Spec]]] = [
    (make_article(101, "临港日报", date(2021, 3, 2), "临港开发区去年经济运行稳中有进",
                  "2020年,临港开发区完成固定资产投资48.6亿元,同比增长12%。全年新引进企业37家,签约项目9个。"),
     [Spec("48.6亿元", 4_860_000_000, "元", "固定资产投资", "投资", Y2020, indicator=FAI),
      Spec("12%", 12, "%", "固定资产投资", "投资", Y2020, kind="change", direction="up"),
      Spec("37家", 37, "家", "新引进企业", "招商", Y2020),
      Spec("9个", 9, "个", "签约项目", "招商", Y2020)]),
    # Same indicator and period as article 202, published later but ingested earlier:
    # the latest figure by publication date, not by row id.
    (make_article(303, "港城晚报", date(2022, 1, 20), XSS_TITLE,
                  "记者获悉,临港开发区2021年固定资产投资约55亿元。"),
     [Spec("约55亿元", 5_500_000_000, "元", "固定资产投资", "投资", Y2021, qualifier="approx", indicator=FAI)]),
    (make_article(202, "临港日报", date(2022, 1, 15), "临港开发区2021年投资再创新高",
                  "2021年,临港开发区完成固定资产投资55.2亿元,增长13.6%。截至年底,园区共有规模以上工业企业120家。"),
     [Spec("55.2亿元", 5_520_000_000, "元", "固定资产投资", "投资", Y2021, indicator=FAI),
      Spec("13.6%", 13.6, "%", "固定资产投资", "投资", Y2021, kind="change", direction="up"),
      Spec("120家", 120, "家", "规模以上工业企业", "工业", ("2021-12-31", "2021-12-31"))]),
]


def build_database(path: Path, with_indicator: bool = True) -> None:
    conn = open_db(path)
    try:
        if with_indicator:
            conn.execute("INSERT INTO indicator (id, name, name_en, unit, sector) VALUES (?, ?, ?, ?, ?)",
                         (FAI, "固定资产投资", "Fixed-asset investment", "元", "投资"))
        for article, specs in ARTICLES:
            figures = make_figures(article, specs)
            if not with_indicator:
                for f in figures:
                    f.indicator = None
            save_article(conn, article, figures, "test")
        conn.execute("""UPDATE region SET aliases = '["临港区"]' WHERE name = '临港开发区'""")
    finally:
        conn.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- the server --------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def zone_command() -> list[str]:
    """The installed `zone` entry point beside this interpreter, else the same CLI through -c."""
    script = Path(sys.executable).with_name("zone")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from zone import cli; sys.exit(cli())"]


@dataclass
class Server:
    base: str
    printed_url: str
    process: subprocess.Popen[str]

    def get(self, path: str, **params: str) -> httpx.Response:
        return httpx.get(self.base + path, params=params, timeout=10)

    def rows(self, query: str, **params: str) -> list[dict[str, Any]]:
        """A canned query's rows as dicts, asserting that it succeeded."""
        response = self.get(f"/{DATABASE_NAME}/{query}.json", _shape="objects", **params)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body.get("ok", True), body
        return list(body["rows"])


@contextmanager
def running_server(db: Path, log: Path) -> Iterator[Server]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with log.open("w") as stderr:
        process = subprocess.Popen(zone_command() + ["serve", "--db", str(db), "--port", str(port)],
                                   stdout=subprocess.PIPE, stderr=stderr, text=True, cwd=db.parent)
        try:
            deadline = time.monotonic() + STARTUP_TIMEOUT
            while True:
                if process.poll() is not None:
                    pytest.fail(f"zone serve exited with {process.returncode}: {log.read_text()}")
                try:
                    if httpx.get(base + "/-/versions.json", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"zone serve did not answer within {STARTUP_TIMEOUT} s: {log.read_text()}")
                time.sleep(0.1)
            assert process.stdout is not None
            # The URL is printed before the server starts listening, so it is waiting in the pipe.
            yield Server(base, process.stdout.readline().strip(), process)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path]]:
    folder = tmp_path_factory.mktemp("browse")
    db = folder / "tmp.db"
    build_database(db)
    with running_server(db, folder / "serve.log") as server:
        yield server, db


@pytest.fixture
def server(served: tuple[Server, Path]) -> Server:
    return served[0]


# --- the server answers, with zone's metadata ------------------------------------------------

def test_serve_prints_its_url_and_reports_datasette(server: Server) -> None:
    assert server.printed_url == f"{server.base}/{DATABASE_NAME}"
    versions = server.get("/-/versions.json").json()
    assert versions["datasette"]["version"].startswith("0.")


def test_metadata_describes_source_licence_tables_and_units(server: Server) -> None:
    metadata = server.get("/-/metadata.json").json()
    assert metadata["title"].startswith("zone")
    assert metadata["source"] and metadata["license"]
    tables = metadata["databases"][DATABASE_NAME]["tables"]
    value = tables["figure"]["columns"]["value"]
    assert "元" in value and "亿元" in value  # says which unit value is in, and which it is not
    assert tables["figure"]["columns"]["unit"]
    # ... and Datasette shows them on the table page, only the columns the table has.
    page = server.get(f"/{DATABASE_NAME}/figure")
    assert page.status_code == 200 and "<dt>value</dt><dd>Numeric value in the base unit" in page.text
    assert "<dt>reason</dt>" not in page.text
    view = server.get(f"/{DATABASE_NAME}/review_waiting")
    assert "<dt>reason</dt><dd>Why the figure waits for review" in view.text


# FTS5's own tables behind article_fts and figure_fts (Datasette hides them).
FTS_SHADOWS = re.compile(r"^(article|figure)_fts_(config|content|data|docsize|idx)$")


def described(db: Path) -> tuple[dict[str, tuple[str, ...]], dict[str, Any]]:
    info = inspect_database(db)
    tables = load_metadata(columns=info.columns)["databases"][DATABASE_NAME]["tables"]
    return {name: cols for name, cols in info.columns.items() if not FTS_SHADOWS.match(name)}, tables


def test_every_table_view_and_column_has_a_description_and_a_source(tmp_path: Path) -> None:
    db = tmp_path / "zone.db"
    build_database(db)
    columns, tables = described(db)
    assert {"figure", "article", "figure_current", "series", "review_waiting", "figure_fts"} <= set(columns)
    for name, cols in columns.items():
        assert name in tables, f"{name}: no entry in browse/metadata.yaml"
        assert tables[name].get("description") and tables[name].get("source"), name
        undescribed = [c for c in cols if not tables[name]["columns"].get(c)]
        assert not undescribed, f"{name}: columns without a description in browse/metadata.yaml: {undescribed}"


def test_a_column_added_without_a_description_is_caught(tmp_path: Path) -> None:
    db = tmp_path / "zone.db"
    build_database(db)
    with sqlite3.connect(db) as c:
        c.execute("ALTER TABLE figure ADD COLUMN link_words TEXT")
    columns, tables = described(db)
    assert "link_words" in columns["figure"] and "link_words" not in tables["figure"]["columns"]


def test_database_lists_tables_views_and_queries(server: Server) -> None:
    body = server.get(f"/{DATABASE_NAME}.json").json()
    tables = {t["name"]: t for t in body["tables"]}
    assert {"article", "figure", "indicator", "region", "review"} <= set(tables)
    assert tables["article"]["count"] == 3 and tables["figure"]["count"] == 8
    assert "figure_detail" in {v["name"] for v in body["views"]}
    queries = {q["name"] for q in body["queries"]}
    assert queries == {"latest_by_sector", "article_figures", "figure_search", "article_search", "articles", "series",
                       "conflicts", "review_queue", "orphaned_reviews"}
    assert {"figure_current", "series", "conflict", "review_queue"} <= {v["name"] for v in body["views"]}
    assert all(not q.get("write") for q in body["queries"])


# --- canned queries ----------------------------------------------------------------------

def test_latest_by_sector_picks_latest_period_then_latest_article(server: Server) -> None:
    rows = server.rows("latest_by_sector", sector="")
    assert [(r["sector"], r["indicator"], r["subject"], r["kind"]) for r in rows] == [
        ("工业", None, "规模以上工业企业", "level"),
        ("投资", FAI, "固定资产投资", "level"),
        ("投资", None, "固定资产投资", "change"),
        ("招商", None, "新引进企业", "level"),
        ("招商", None, "签约项目", "level"),
    ]
    investment = rows[1]
    # 2021 beats 2020; of the two 2021 figures the one published on 2022-01-20 wins.
    assert (investment["value"], investment["unit"], investment["qualifier"]) == (5_500_000_000, "元", "approx")
    assert (investment["period_start"], investment["period_end"]) == Y2021
    assert (investment["paper"], investment["published"], investment["title"]) == ("港城晚报", "2022-01-20", XSS_TITLE)
    assert rows[2]["value"] == 13.6 and rows[2]["published"] == "2022-01-15"
    assert all(r["region"] == "临港开发区" for r in rows)
    # Without the parameter Datasette passes '' too: all sectors.
    assert server.rows("latest_by_sector") == rows


def test_latest_by_sector_for_one_sector(server: Server) -> None:
    rows = server.rows("latest_by_sector", sector="招商")
    assert [(r["subject"], r["value"], r["unit"], r["source_id"]) for r in rows] == [
        ("新引进企业", 37, "家", "临港日报/content_101"), ("签约项目", 9, "个", "临港日报/content_101")]
    assert server.rows("latest_by_sector", sector="农业") == []


def test_article_figures_by_id_or_source_id(server: Server) -> None:
    article_id = next(r["id"] for r in server.rows("articles") if r["source_id"] == "临港日报/content_202")
    by_source = server.rows("article_figures", article="临港日报/content_202")
    by_id = server.rows("article_figures", article=str(article_id))
    assert by_source == by_id
    assert [(r["seq"], r["text"], r["value"], r["unit"]) for r in by_id] == [
        (1, "55.2亿元", 5_520_000_000, "元"), (2, "13.6%", 13.6, "%"), (3, "120家", 120, "家")]
    assert by_id[0]["sentence"] == "2021年,临港开发区完成固定资产投资55.2亿元,增长13.6%。"
    assert by_id[2]["sentence"] == "截至年底,园区共有规模以上工业企业120家。"
    assert by_id[1]["kind"] == "change" and by_id[1]["direction"] == "up"
    assert server.rows("article_figures", article="临港日报/content_999") == []
    assert server.rows("article_figures", article="") == []


def test_figure_search_finds_words_in_subject_or_clause(server: Server) -> None:
    rows = server.rows("figure_search", q="固定资产投资")
    assert {(r["published"], r["text"]) for r in rows} == {
        ("2022-01-20", "约55亿元"), ("2022-01-15", "55.2亿元"), ("2022-01-15", "13.6%"),
        ("2021-03-02", "48.6亿元"), ("2021-03-02", "12%")}
    # 12% and 13.6% have it in their subject only (their clause is 增长12%): found all the same.
    # 签约项目 is in the sentence of 37家 but not in its clause or subject.
    assert [r["text"] for r in server.rows("figure_search", q="签约项目")] == ["9个"]
    assert [r["text"] for r in server.rows("figure_search", q="规模以上")] == ["120家"]
    # Both words in the figure's clause: "2021年," is a clause of its own before 55.2亿元.
    assert [r["text"] for r in server.rows("figure_search", q="投资 2021")] == ["约55亿元"]
    assert {r["text"] for r in server.rows("figure_search", q="企")} == {"37家", "120家"}  # one character


def test_figure_search_of_punctuation_or_nothing_finds_nothing(server: Server) -> None:
    for q in ("%", "_", "", '"', "OR", "*"):
        assert server.rows("figure_search", q=q) == [], q  # a blank form lists nothing rather than everything


def test_article_search_ranks_title_above_text(server: Server) -> None:
    rows = server.rows("article_search", q="投资")
    assert [r["source_id"] for r in rows][0] == "临港日报/content_202"  # 投资 in its title and text
    assert {r["source_id"] for r in rows} == {"临港日报/content_202", "临港日报/content_101", "港城晚报/content_303"}
    assert server.rows("article_search", q="外贸") == []


@pytest.mark.parametrize("path, column, expected", [
    ("figure_detail", "text", {"37家", "9个"}),
    ("figure", "text", {"37家", "9个"}),
    ("figure_current", "text", {"37家", "9个"}),
    ("article", "source_id", {"临港日报/content_101"}),
])
def test_datasette_search_filters_tables_and_views(server: Server, path: str, column: str, expected: set[str]) -> None:
    """?_search= (the search box) reads Chinese: only the rows that contain the word."""
    body = server.get(f"/{DATABASE_NAME}/{path}.json", _search="新引进企业 OR 签约项目" if path != "article" else "签约项目",
                      _shape="objects").json()
    assert {r[column] for r in body["rows"]} == expected
    assert body["filtered_table_rows_count"] == len(expected)
    page = server.get(f"/{DATABASE_NAME}/{path}", _search="签约项目")
    assert page.status_code == 200 and 'name="_search"' in page.text and 'value="签约项目"' in page.text


def test_articles_newest_first_with_counts(server: Server) -> None:
    rows = server.rows("articles")
    assert [(r["source_id"], r["published"], r["figures"], r["unlinked"]) for r in rows] == [
        ("港城晚报/content_303", "2022-01-20", 1, 0),
        ("临港日报/content_202", "2022-01-15", 3, 2),
        ("临港日报/content_101", "2021-03-02", 4, 3),
    ]
    assert rows[1]["title"] == "临港开发区2021年投资再创新高" and rows[1]["edition"] == "第02版:要闻"


def test_series_in_period_order_by_region_name_or_alias(server: Server) -> None:
    rows = server.rows("series", indicator=FAI, region="临港开发区")
    # Two articles for 2021: the later one is preferred and listed first; 55亿 against 55.2亿
    # is within 0.5%, so not a conflict.
    assert [(r["period_end"], r["value"], r["published"], r["preferred"], r["conflict"]) for r in rows] == [
        ("2020-12-31", 4_860_000_000, "2021-03-02", 1, 0),
        ("2021-12-31", 5_500_000_000, "2022-01-20", 1, 0),
        ("2021-12-31", 5_520_000_000, "2022-01-15", 0, 0),
    ]
    assert all(r["unit"] == "元" and r["paper"] for r in rows)
    assert server.rows("series", indicator=FAI, region="临港区") == rows
    assert server.rows("series", indicator=FAI, region="") == rows
    assert server.rows("series", indicator=FAI, region="别的开发区") == []
    assert server.rows("series", indicator="no_such_indicator", region="") == []


# --- untrusted text stays text -----------------------------------------------------------------

def test_article_text_is_escaped_in_html(server: Server) -> None:
    for path in (f"/{DATABASE_NAME}/article", f"/{DATABASE_NAME}/articles", f"/{DATABASE_NAME}/latest_by_sector"):
        response = server.get(path)
        assert response.status_code == 200, path
        html = response.text
        assert "&lt;script&gt;alert(" in html, path
        assert '<script>alert("zone")' not in html, path


# --- read-only -----------------------------------------------------------------------------

WRITES = [
    "INSERT INTO article (source_id, published, title, path, format, encoding, sha256, extractor_version, text, "
    "ingested_at) VALUES ('x/1', '2022-01-01', 'x', 'x', 'text', 'utf-8', 'x', 'x', 'x', 'x')",
    "UPDATE figure SET value = 0",
    "DELETE FROM figure",
    "DROP TABLE figure",
    "CREATE TABLE scribble (x)",
    "PRAGMA query_only = 0",
    "ATTACH DATABASE 'other.db' AS other",
    "VACUUM",
    # Starts like a read, so Datasette's SELECT-only check lets it through to SQLite:
    # only the read-only connection stops it.
    "WITH doomed AS (SELECT id FROM figure) DELETE FROM figure WHERE id IN (SELECT id FROM doomed)",
]


def test_no_write_gets_through_get_or_post(served: tuple[Server, Path]) -> None:
    server, db = served
    before = sha256(db)
    for sql in WRITES:
        response = server.get(f"/{DATABASE_NAME}.json", sql=sql)
        assert response.status_code >= 400 or not response.json().get("ok"), sql
    # The WITH ... DELETE reached SQLite and was refused there.
    refused = server.get(f"/{DATABASE_NAME}.json", sql=WRITES[-1]).json()
    assert "readonly" in refused["error"]

    # POST with a valid CSRF token (Datasette hands one out on /-/messages) and as JSON,
    # to the database, a canned query and a table: all refused, none executed.
    with httpx.Client(base_url=server.base, timeout=10) as client:
        token = re.search(r'name="csrftoken" value="([^"]+)"', client.get("/-/messages").text)
        assert token, "no CSRF token: the POSTs below would only test the CSRF check"
        for sql in WRITES:
            for path in (f"/{DATABASE_NAME}", f"/{DATABASE_NAME}/articles", f"/{DATABASE_NAME}/figure"):
                for response in (client.post(path, data={"csrftoken": token.group(1), "sql": sql}),
                                 client.post(path, json={"sql": sql})):
                    # refused before Datasette sees it: a 4xx, never a 500
                    assert response.status_code == 405, (path, sql, response.status_code)
    after = sha256(db)
    assert after == before
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        assert c.execute("SELECT count(*) FROM figure").fetchone()[0] == 8
        assert c.execute("SELECT count(*) FROM sqlite_master WHERE name = 'scribble'").fetchone()[0] == 0


def test_datasettes_own_write_path_is_read_only(tmp_path: Path) -> None:
    """execute_write is what writable canned queries and plugins would use; it cannot write either."""
    db = tmp_path / "zone.db"
    build_database(db)
    before = sha256(db)
    ds = make_datasette(db)

    async def attempt() -> None:
        await ds.get_database(DATABASE_NAME).execute_write("DELETE FROM figure")

    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        asyncio.run(attempt())
    assert sha256(db) == before


def test_writable_canned_queries_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    metadata = yaml.safe_load(browse_serve.METADATA_PATH.read_text(encoding="utf-8"))
    metadata["databases"][DATABASE_NAME]["queries"]["sneaky"] = {"sql": "DELETE FROM figure", "write": True}
    path = tmp_path / "metadata.yaml"
    path.write_text(yaml.safe_dump(metadata, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(browse_serve, "METADATA_PATH", path)
    with pytest.raises(ServeError, match="sneaky"):
        load_metadata()


def test_ingest_while_serving_shows_up_without_restart(tmp_path: Path) -> None:
    """mode=ro, not immutable: SQLite's locking lets ingest write while the server reads."""
    db = tmp_path / "zone.db"
    build_database(db)
    with running_server(db, tmp_path / "serve.log") as server:
        assert len(server.rows("articles")) == 3
        article = make_article(404, "临港日报", date(2022, 6, 30), "上半年临港开发区外贸进出口",
                               "今年上半年,临港开发区外贸进出口总额18.4亿元。")
        conn = open_db(db)
        try:
            save_article(conn, article, make_figures(article, [
                Spec("18.4亿元", 1_840_000_000, "元", "外贸进出口总额", "外贸", ("2022-01-01", "2022-06-30"))]), "test")
        finally:
            conn.close()
        assert [r["source_id"] for r in server.rows("articles")][0] == "临港日报/content_404"
        assert [r["sector"] for r in server.rows("latest_by_sector", sector="外贸")] == ["外贸"]


def test_counts_and_facets_are_kept_until_the_file_changes(tmp_path: Path) -> None:
    db = tmp_path / "zone.db"
    build_database(db)
    with running_server(db, tmp_path / "serve.log") as server:
        def counted() -> tuple[int, dict[str, int]]:
            body = server.get(f"/{DATABASE_NAME}/figure_detail.json", _facet="paper").json()
            papers = {r["value"]: r["count"] for r in body["facet_results"]["paper"]["results"]}
            return body["filtered_table_rows_count"], papers

        before, papers = counted()
        assert counted() == (before, papers)          # the second page reads them from the cache
        article = make_article(405, "临港日报", date(2022, 7, 1), "临港开发区新签项目", "临港开发区新签约项目9个。")
        conn = open_db(db)
        try:
            save_article(conn, article, make_figures(article, [
                Spec("9个", 9, "个", "新签约项目", "投资", ("2022-07-01", "2022-07-01"))]), "test")
        finally:
            conn.close()
        after, papers_after = counted()
        assert after == before + 1 and papers_after["临港日报"] == papers.get("临港日报", 0) + 1


def test_a_canned_query_over_the_time_limit_is_finished_in_the_background(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "zone.db"
    build_database(db)
    # A time limit no query meets: the page fails at once, the background finishes the query.
    monkeypatch.setitem(browse_serve.SETTINGS, "sql_time_limit_ms", 1)
    sql = load_metadata()["databases"][DATABASE_NAME]["queries"]["review_queue"]["sql"]
    ds = make_datasette(db)

    async def page() -> Any:
        try:
            return await ds.client.get(f"/{DATABASE_NAME}/review_queue.json?_shape=objects")
        except Exception:   # noqa: BLE001 - the in-process client raises the error page's exception
            return None

    async def pages() -> tuple[Any, list[Any]]:
        await ds.invoke_startup()
        first = await page()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            again = await page()
            if again is not None and again.status_code == 200:
                return first, again.json()["rows"]
            await asyncio.sleep(0.2)
        pytest.fail("the canned query was not finished in the background")

    first, rows = asyncio.run(pages())
    assert first is None or first.status_code != 200
    with sqlite3.connect(db) as c:
        expected = c.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]
    assert len(rows) == expected > 0


def test_warming_asks_a_page_again_until_its_queries_are_finished(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "zone.db"
    build_database(db)
    # A time limit no query meets: the listing is finished in the background, then kept.
    monkeypatch.setitem(browse_serve.SETTINGS, "sql_time_limit_ms", 1)
    ds = make_datasette(db)
    database = ds.get_database(DATABASE_NAME)
    sql = load_metadata()["databases"][DATABASE_NAME]["queries"]["review_queue"]["sql"]

    async def warmed() -> None:
        await ds.invoke_startup()
        await warm.settle(ds, f"/{DATABASE_NAME}/review_queue.json")

    asyncio.run(warmed())
    assert database.results.get(database.results.key(sql, {}, db)) is not None and not database.results.busy()


def test_warming_keeps_the_slow_answers_before_anyone_asks(tmp_path: Path) -> None:
    db = tmp_path / "zone.db"
    build_database(db)
    ds = make_datasette(db)
    database = ds.get_database(DATABASE_NAME)
    queries = load_metadata()["databases"][DATABASE_NAME]["queries"]

    async def warmed() -> int:
        await ds.invoke_startup()
        return await warm.warm_once(ds)

    asked = asyncio.run(warmed())
    region = sqlite3.connect(db).execute("SELECT region_id FROM figure WHERE region_id IS NOT NULL").fetchone()[0]
    indicators = sqlite3.connect(db).execute(warm.LINKED_INDICATORS_SQL).fetchall()
    # 5 canned queries list without parameters; one zone; each indicator's page and series
    assert asked == len(warm.TABLE_PAGES) + 5 + 1 + 2 * len(indicators) and indicators
    series = database.results.key(queries["series"]["sql"], {"indicator": indicators[0][0], "region": ""}, db)
    assert database.results.get(series) is not None
    for name in ("review_queue", "conflicts", "articles"):
        kept = database.results.get(database.results.key(queries[name]["sql"], {}, db))
        with sqlite3.connect(db) as c:
            expected = c.execute(f"SELECT count(*) FROM ({queries[name]['sql']})").fetchone()[0]
        assert kept is not None and len(kept.rows) == expected, name
    count = database.results.key(dashboard.QUEUE_COUNT_SQL, {"region": region, "margin": UNCERTAIN_MARGIN}, db)
    assert database.results.get(count) is not None
    assert not database.results.busy()


def test_the_kept_review_queue_and_its_dashboard_count_follow_a_review(tmp_path: Path) -> None:
    db = tmp_path / "zone.db"
    build_database(db)
    with running_server(db, tmp_path / "serve.log") as server:
        queued = [r["figure_id"] for r in server.rows("review_queue")]
        with sqlite3.connect(db) as c:
            region, figure = c.execute(f"SELECT region_id, id FROM figure WHERE region_id IS NOT NULL "
                                       f"AND id IN ({', '.join(map(str, queued))})").fetchone()

        def waiting_in_zone() -> int:
            html = server.get(f"/{DATABASE_NAME}/region/{region}").text
            found = re.search(r'<span class="zone-big">(\d+)</span> figures about this zone waiting', html)
            assert found, html
            return int(found.group(1))

        before = waiting_in_zone()
        assert run_cli("review", "accept", str(figure), "--db", str(db)).exit_code == 0
        assert [r["figure_id"] for r in server.rows("review_queue")] == [f for f in queued if f != figure]
        assert waiting_in_zone() == before - 1


def test_aggregate_cache_keys_counts_and_facets_by_file_version(tmp_path: Path) -> None:
    cache = browse_serve.ResultCache()
    db = tmp_path / "x.db"
    db.write_bytes(b"one")
    count = cache.key("select count(*) from figure ", {}, db)
    # Counts and facets are kept; rows of a page are not.
    assert browse_serve.AGGREGATE_SQL.match("select count(*) from figure ")
    assert browse_serve.AGGREGATE_SQL.match("\n select sector as value, count(*) as count from (select * from figure) ")
    assert not browse_serve.AGGREGATE_SQL.match("select * from figure limit 101")
    cache.put(count, "1,000 rows")
    assert cache.get(count) == "1,000 rows"
    db.write_bytes(b"two, longer")            # any write changes the version
    newer = cache.key("select count(*) from figure ", {}, db)
    assert newer != count and cache.get(newer) is None
    cache.put(newer, "1,001 rows")
    assert cache.get(count) is None           # the old version's results are dropped


def test_a_count_over_the_time_limit_is_finished_in_the_background(tmp_path: Path) -> None:
    cache = browse_serve.ResultCache()
    db = tmp_path / "x.db"
    db.write_bytes(b"one")
    key = cache.key("select count(*) from figure ", {}, db)
    release, started = threading.Event(), []

    def slow() -> str:
        started.append("first")
        release.wait(10)
        return "counted apart"

    def second() -> str:
        started.append("second")
        return "again"

    cache.finish_later(key, slow)
    cache.finish_later(key, second)   # one count of a result at a time
    release.set()
    deadline = time.monotonic() + 10
    while cache.get(key) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert cache.get(key) == "counted apart" and started == ["first"]


# --- query plans ---------------------------------------------------------------------------

PLAN_PARAMS: dict[str, list[dict[str, str]]] = {
    "latest_by_sector": [{"sector": ""}, {"sector": "投资"}],
    "article_figures": [{"article": "1"}, {"article": "临港日报/content_101"}],
    "figure_search": [{"q": "投资"}, {"q": "投"}],
    "article_search": [{"q": "投资"}],
    "articles": [{}],
    "series": [{"indicator": FAI, "region": ""}, {"indicator": FAI, "region": "临港区"}],
}
# Listings of the whole database by design: every point is compared with the others of its
# period (conflicts) and every figure is checked for a reason to review it (review_queue).
WHOLE_DATABASE = {"conflicts", "review_queue", "orphaned_reviews"}
EXPECTED_INDEXES = {
    "latest_by_sector": {"figure_sector"},
    "article_figures": {"figure_article"},
    "figure_search": set(),   # the full-text index, then figures and articles by id
    "article_search": set(),
    "articles": {"article_published", "figure_article"},
    "series": {"figure_series"},
}
# A table read from start to end: "SCAN name" without "USING ... INDEX". Views put figure
# under aliases (f in figure_current), so any scanned name counts unless it is a
# materialised CTE or subquery of the query itself, the small review table, or json_each; or
# the region table (the catalog's regions, some hundreds) and its aliases, which the region_name
# view reads once per query to find the region a name stands for.
PLAN_SCAN = re.compile(r"^SCAN (\w+)(?! USING)(?:$| )")
# review_latest is the review table grouped by figure key, materialized once per query: reviews
# are few beside the figures.
NOT_A_TABLE_SCAN = {"ranked", "pattern", "candidate", "point", "p", "q", "json_each", "review", "review_latest", "ends",
                    "CONSTANT", "region", "alias"}


def table_scans(plan: list[str]) -> list[str]:
    """Scans of tables; a full-text MATCH ("VIRTUAL TABLE INDEX 0:M…") is an index search."""
    return [step for step in plan if (m := PLAN_SCAN.match(step)) and m.group(1) not in NOT_A_TABLE_SCAN
            and "USING" not in step and not re.search(r"VIRTUAL TABLE INDEX \d+:M", step)]


def test_no_canned_query_scans_figure_without_an_index(tmp_path: Path) -> None:
    db = tmp_path / "zone.db"
    build_database(db)
    queries = load_metadata()["databases"][DATABASE_NAME]["queries"]
    assert set(queries) == set(PLAN_PARAMS) | WHOLE_DATABASE
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        c.create_function("zone_fts", 1, fts_query)
        register_region_key(c)      # zone_region_key, as browse/plugin.py gives Datasette's connections
        for name, params_list in PLAN_PARAMS.items():
            for params in params_list:
                plan = [row[3] for row in c.execute("EXPLAIN QUERY PLAN " + queries[name]["sql"], params)]
                assert not table_scans(plan), (name, plan)
                used = set(re.findall(r"USING (?:COVERING )?INDEX (\w+)", " ".join(plan)))
                assert EXPECTED_INDEXES[name] <= used, (name, plan)


def test_plan_check_catches_a_scan_through_a_view(tmp_path: Path) -> None:
    """The check above must see the figure table scanned under a view's alias."""
    db = tmp_path / "zone.db"
    build_database(db)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        # A region name is not one of the series' partition columns: every figure is ranked.
        plan = [row[3] for row in c.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM series WHERE region = ?", ("临港开发区",))]
        assert "SCAN f" in table_scans(plan), plan
        # The indicator is: it reaches figure.indicator_id under the view's alias.
        plan = [row[3] for row in c.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM series WHERE indicator_id = ?", (FAI,))]
    assert not table_scans(plan), plan
    assert "SEARCH f USING INDEX figure_series (indicator_id=?)" in plan, plan


# --- bad input -----------------------------------------------------------------------------

def run_cli(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_missing_database_is_an_error_and_is_not_created(tmp_path: Path) -> None:
    db = tmp_path / "absent.db"
    result = run_cli("serve", "--db", str(db), "--port", str(free_port()))
    assert result.exit_code == 1
    assert str(db) in result.output and "no such database" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not db.exists()


@pytest.mark.parametrize("content, reason", [
    (b"not a database at all, just some bytes\n" * 10, "cannot be read as SQLite"),
    (None, "not a zone database"),
])
def test_files_that_are_not_zone_databases_are_refused(tmp_path: Path, content: bytes | None, reason: str) -> None:
    db = tmp_path / "other.db"
    if content is None:
        with sqlite3.connect(db) as c:
            c.execute("CREATE TABLE notes (x)")
    else:
        db.write_bytes(content)
    before = sha256(db)
    result = run_cli("serve", "--db", str(db), "--port", str(free_port()))
    assert result.exit_code == 1
    assert reason in result.output and str(db) in result.output
    assert sha256(db) == before


def test_port_in_use_is_an_error(tmp_path: Path) -> None:
    db = tmp_path / "zone.db"
    build_database(db)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--db", str(db), "--port", str(port))
    assert result.exit_code == 1
    assert f"127.0.0.1:{port}" in result.output and "http://" not in result.output


def test_series_query_is_offered_only_with_indicators(tmp_path: Path) -> None:
    db = tmp_path / "zone.db"
    build_database(db, with_indicator=False)
    assert inspect_database(db).indicators == 0
    ds = make_datasette(db)
    queries = asyncio.run(ds.get_canned_queries(DATABASE_NAME, None))
    assert set(queries) == {"latest_by_sector", "article_figures", "figure_search", "article_search", "articles",
                            "review_queue", "orphaned_reviews"}


# --- a server that survives its users (hostile requests) ---------------------------------------

@pytest.mark.parametrize("sql", ["select zeroblob(999999999)", "select randomblob(900000000)",
                                 "select hex(randomblob(5000000))"])
def test_huge_values_fail_at_once_and_the_server_stays_up(server: Server, sql: str) -> None:
    response = server.get(f"/{DATABASE_NAME}.json", sql=sql)
    assert response.status_code == 400
    assert "too big" in response.json()["error"]
    assert server.process.poll() is None
    assert server.rows("articles")  # other requests are still answered


def test_pages_carry_security_headers_and_hide_the_database_path(served: tuple[Server, Path]) -> None:
    server, db = served
    for path in ("/", f"/{DATABASE_NAME}", f"/{DATABASE_NAME}.json", f"/{DATABASE_NAME}/figure", "/-/versions.json",
                 "/-/settings.json", "/-/threads.json", "/-/metadata.json", f"/{DATABASE_NAME}/articles.json"):
        response = server.get(path)
        assert response.status_code == 200, path
        csp = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert str(db.parent) not in response.text, path
    for path in ("/-/databases", "/-/databases.json"):
        assert server.get(path).status_code == 404


def test_a_canned_query_is_shown_a_page_at_a_time(server: Server) -> None:
    whole = server.rows("articles")
    assert len(whole) == 3 <= browse_serve.PAGE_ROWS
    pages = [server.get(f"/{DATABASE_NAME}/articles.json", _shape="objects", _size="2", _page=str(n)).json()
             for n in (1, 2, 3)]
    assert [len(p["rows"]) for p in pages] == [2, 1, 0] and [p["truncated"] for p in pages] == [True, False, False]
    assert pages[0]["rows"] + pages[1]["rows"] == whole
    html = server.get(f"/{DATABASE_NAME}/articles", _size="2").text
    assert 'rel="next"' in html and "_page=2" in html and 'rel="prev"' not in html
    second = server.get(f"/{DATABASE_NAME}/articles", _size="2", _page="2").text
    assert "Rows 3–3." in second and 'rel="prev"' in second and 'rel="next"' not in second
    # Nonsense is the first page, and a page is never more than a listing holds.
    assert server.get(f"/{DATABASE_NAME}/articles.json", _shape="objects", _page="x", _size="all").json()["rows"] == whole


def test_page_asked_reads_page_and_size_within_bounds() -> None:
    assert browse_serve.page_asked(None, None, 1000) == (1, browse_serve.PAGE_ROWS)
    assert browse_serve.page_asked("3", "50", 1000) == (3, 50)
    assert browse_serve.page_asked("0", "5000", 1000) == (1, 1000)
    assert browse_serve.page_asked("two", "", 1000) == (1, browse_serve.PAGE_ROWS)


def test_a_page_is_capped_whatever_size_is_asked(server: Server) -> None:
    response = server.get(f"/{DATABASE_NAME}.json",
                          sql="with recursive n(i) as (select 1 union all select i + 1 from n limit 5000) select i from n")
    body = response.json()
    assert len(body["rows"]) == browse_serve.SETTINGS["max_returned_rows"] and body["truncated"]


# --- the review queue is `zone review`'s -----------------------------------------------------------

def test_canned_review_queue_is_the_set_zone_review_lists(tmp_path: Path) -> None:
    """Uncertain links included: the seed article has one (28.71亿元 also fits pharma_revenue)."""
    from conftest import ARTICLES

    from track.review import queue

    db = tmp_path / "zone.db"
    assert run_cli("ingest", str(ARTICLES), "--db", str(db)).exit_code == 0
    conn = open_db(db)
    try:
        expected = {(r["figure_id"], r["reason"]) for r in queue(conn)}
    finally:
        conn.close()
    assert any(reason.startswith("uncertain") for _, reason in expected)
    with running_server(db, tmp_path / "serve.log") as server:
        assert {(r["figure_id"], r["reason"]) for r in server.rows("review_queue")} == expected
