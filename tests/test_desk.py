"""The research desk over HTTP: a real `zone serve` on articles ingested with `zone ingest`
(the seed article, the series articles of test_series_views and one hostile article), with
reviews recorded by `zone review`. Pages: a figure, an indicator, an article, a zone's
dashboard; numbers as people write them; views that apply reviews; hostile text inert."""
from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any, Iterator

import pytest
from conftest import SEED
from test_browse import Server, running_server
from test_series_views import ARTICLES, ZONE, run

from browse.format import format_value, number
from ingest.store import open_db
from track.review import queue

pytestmark = pytest.mark.slow

HOSTILE_TITLE = '临港快讯<script>alert("title")</script>"><img src=x onerror=alert(1)>'
HOSTILE = f"""---
title: '{HOSTILE_TITLE}'
date: 2022-05-06
source: 港城晚报
url: javascript:alert(3)
region: {ZONE}
---

2021年，{ZONE}<script>alert("body")</script>"><img src=x onerror=alert(2)>完成工业总产值88.8亿元。
"""
INERT = ("<script>alert(", "<img src=x", 'href="javascript:', "onerror=alert(1)>", "onerror=alert(2)>")


def build(folder: Path) -> Path:
    articles = folder / "articles"
    articles.mkdir()
    for name, text in ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    (articles / "2022-05-06_hostile.md").write_text(HOSTILE, encoding="utf-8")
    shutil.copy(SEED, articles / SEED.name)
    db = folder / "zone.db"
    run("ingest", str(articles), "--db", str(db))
    return db


def fid(db: Path, text: str) -> int:
    with sqlite3.connect(db) as c:
        row = c.execute("SELECT id FROM figure WHERE text = ? AND origin = 'reported'", (text,)).fetchone()
    assert row, text
    return int(row[0])


def one(db: Path, sql: str, *params: Any) -> Any:
    with sqlite3.connect(db) as c:
        return c.execute(sql, params).fetchone()[0]


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path]]:
    folder = tmp_path_factory.mktemp("desk")
    db = build(folder)
    run("review", "reject", str(fid(db, "46个")), "--db", str(db))
    run("review", "correct", str(fid(db, "55微克/立方米")), "--value", "54", "--db", str(db))
    with running_server(db, folder / "serve.log") as server:
        yield server, db


@pytest.fixture
def server(desk: tuple[Server, Path]) -> Server:
    return desk[0]


@pytest.fixture
def db(desk: tuple[Server, Path]) -> Path:
    return desk[1]


def page(server: Server, path: str, **params: str) -> str:
    response = server.get(path, **params)
    assert response.status_code == 200, (path, response.status_code, response.text[:500])
    for bad in INERT:
        assert bad not in response.text, (path, bad)
    return response.text


# --- numbers as people write them ---------------------------------------------------------------

@pytest.mark.parametrize("value, unit, shown", [
    (3_221_000_000, "元", "32.21亿元"), (100_000_000_000, "元", "1,000亿元"), (1_890_000, "吨", "189万吨"),
    (27_088_300_000, "元", "270.883亿元"), (1.2e12, "元", "1.2万亿元"), (20, "%", "20%"), (41, "家", "41家"),
    (5500, "元", "5,500元"), (42.99987352978374, "%", "43.00%"), (61771, "件", "6.1771万件"),
    (55, "微克/立方米", "55微克/立方米"), (4.21, "", "4.21"), (-1_500_000, "元", "-150万元"),
])
def test_values_are_shown_with_grouping_and_wan_yi(value: float, unit: str, shown: str) -> None:
    assert format_value(value, unit) == shown


def test_ranges_share_one_magnitude() -> None:
    assert format_value(120_000_000, "元", 150_000_000) == "1.2–1.5亿元"
    assert number(1234567.0) == "1,234,567"


def test_table_cells_show_readable_values_and_json_keeps_base_values(server: Server) -> None:
    html = page(server, "/zone/figure_detail", _search="产值")
    assert re.search(r'<span class="zone-num" title="3,221,000,000 元">32.21亿元</span>', html)
    assert "3221000000.0" not in html
    # The sentence cell marks the figure and is clamped to a few lines.
    assert '<div class="zone-clamp">2021年该产业贡献产值<mark>32.21亿元</mark>' in html
    rows = server.get("/zone/figure_detail.json", _search="产值", _shape="objects").json()["rows"]
    assert 3_221_000_000 in {r["value"] for r in rows}
    # figure_id and article_id link to their pages.
    assert re.search(r'<a href="/zone/figure/\d+">\d+</a>', html) and re.search(r'<a href="/zone/article/\d+">', html)


# --- a page per figure ------------------------------------------------------------------------------

def test_figure_page_shows_the_figure_as_written_in_its_sentence(server: Server, db: Path) -> None:
    figure = fid(db, "32.21亿元")
    html = page(server, f"/zone/figure/{figure}")
    assert f'<mark class="zone-fig this"><a href="/zone/figure/{figure}">32.21亿元</a></mark>' in html
    assert '<span class="zone-value">32.21亿元</span>' in html
    assert "3,221,000,000 元" in html                               # the base value and unit
    assert ">exact<" in html and ">level<" in html                    # qualifier, kind
    assert "2021-01-01 – 2021-12-31" in html and "“2021年”" in html   # period and its words
    assert 'href="/zone/indicator/pipeline_output"' in html          # indicator
    assert f'href="/zone/region/{one(db, "SELECT id FROM region WHERE name = ?", ZONE)}"' in html
    paragraph = one(db, "SELECT paragraph FROM figure WHERE id = ?", figure)
    article = one(db, "SELECT article_id FROM figure WHERE id = ?", figure)
    assert f'href="/zone/article/{article}#p{paragraph}"' in html    # the article, at the paragraph
    assert "not reviewed" in html
    # The other figure of the sentence is marked too, and links to its own page.
    assert f'<a href="/zone/figure/{fid(db, "20%")}">20%</a>' in html


def test_figure_page_shows_reviews(server: Server, db: Path) -> None:
    rejected = page(server, f"/zone/figure/{fid(db, '46个')}")
    assert "zone-state-rejected" in rejected and "A reviewer rejected this figure" in rejected
    corrected = page(server, f"/zone/figure/{fid(db, '55微克/立方米')}")
    assert '<span class="zone-value">54微克/立方米</span>' in corrected
    assert "corrected; extracted 55微克/立方米" in corrected and ">correct<" in corrected
    waiting = page(server, f"/zone/figure/{fid(db, '263.9亿元')}")
    assert "waiting for review" in waiting and "conflict" in waiting
    assert server.get("/zone/figure/999999").status_code == 404


# --- a page per indicator ---------------------------------------------------------------------------

def test_indicator_page_charts_the_series_and_sets_conflicts_side_by_side(server: Server, db: Path) -> None:
    html = page(server, "/zone/indicator/signed_projects_investment")
    svg = re.findall(r'<svg class="zone-chart".*?</svg>', html, re.S)
    assert svg, "no chart"
    level = next(s for s in svg if "· level · full year" in s)
    # One mark per year the series uses (2018, 2019, 2021), each a link to its figure; the 2021
    # report it does not use is a hollow mark. The total as of 2022-08-10 is a chart of its own:
    # a line never joins a year to a day.
    assert len(re.findall(r'<circle class="point', level)) == 3
    day = next(s for s in svg if "· level · as of a day" in s)
    assert len(re.findall(r'<circle class="point', day)) == 1
    assert len(re.findall(r'<circle class="other', level)) == 1
    assert '<polyline class="line"' in level and ">亿元</text>" in level
    assert f'<a href="/zone/figure/{fid(db, "270.5亿元")}"><circle' in level
    # Conflicts side by side: both 2021 values, the preferred one marked.
    conflict = html[html.index("Conflicting reports"):html.index("<h2>Points")]
    assert "270.5亿元" in conflict and "263.9亿元" in conflict and "zone-card preferred" in conflict
    # The table links every point to its source, at the figure.
    for text in ("156.3亿元", "188.7亿元", "270.5亿元", "263.9亿元"):
        article = one(db, "SELECT article_id FROM figure WHERE id = ?", fid(db, text))
        assert f'href="/zone/article/{article}#f{fid(db, text)}"' in html


def test_indicator_page_leaves_out_rejected_and_shows_corrected(server: Server, db: Path) -> None:
    projects = page(server, "/zone/indicator/signed_projects")
    assert "41个" in projects and "58个" in projects and "46个" not in projects
    pm25 = page(server, "/zone/indicator/pm25")
    assert "54微克/立方米" in pm25 and "zone-badge\">corrected" in pm25


# --- a page per article -----------------------------------------------------------------------------

def test_article_page_marks_and_links_every_figure(server: Server, db: Path) -> None:
    article = one(db, "SELECT id FROM article WHERE title LIKE '沧州经济开发区:%'")
    html = page(server, f"/zone/article/{article}")
    with sqlite3.connect(db) as c:
        figures = c.execute("SELECT id, text, paragraph FROM figure WHERE article_id = ? AND origin = 'reported'",
                            (article,)).fetchall()
    marks = re.findall(r'<mark class="zone-fig[^"]*" id="f(\d+)"[^>]*><a href="/zone/figure/(\d+)">([^<]+)</a></mark>', html)
    assert {int(a) for a, _, _ in marks} == {f[0] for f in figures}
    assert all(a == b for a, b, _ in marks)
    assert {text for _, _, text in marks} == {f[1] for f in figures}
    for paragraph in {f[2] for f in figures}:
        assert f'<p id="p{paragraph}">' in html


def test_article_page_strikes_rejected_figures(server: Server, db: Path) -> None:
    article = one(db, "SELECT article_id FROM figure WHERE id = ?", fid(db, "46个"))
    html = page(server, f"/zone/article/{article}")
    assert re.search(rf'<mark class="zone-fig rejected" id="f{fid(db, "46个")}"', html)


# --- a dashboard per zone ---------------------------------------------------------------------------

def test_zone_dashboard(server: Server, db: Path) -> None:
    region = one(db, "SELECT id FROM region WHERE name = ?", ZONE)
    html = page(server, f"/zone/region/{region}")
    # Series charts of the indicators with two or more periods.
    charts = re.findall(r'<figcaption><a href="/zone/indicator/(\w+)">', html)
    assert {"signed_projects", "signed_projects_investment", "pm25"} <= set(charts)
    assert "pipeline_output" not in charts  # one period only
    # Key figures by sector with their latest period.
    assert "<h3>招商引资 <span" in html and "latest period" in html
    assert "56个" in html and "签约项目" in html
    # The review queue count is the part of `zone review`'s queue about this zone.
    conn = open_db(db)
    try:
        in_zone = {r["figure_id"] for r in queue(conn)
                   if conn.execute("SELECT region_id FROM figure WHERE id = ?", (r["figure_id"],)).fetchone()[0] == region}
    finally:
        conn.close()
    assert re.search(rf'<span class="zone-big">{len(in_zone)}</span> figures about this zone waiting', html)
    # Newest articles first.
    titles = re.findall(r'<li>(\d{4}-\d\d-\d\d) · [^<]* · <a href="/zone/article/\d+">', html)
    assert titles == sorted(titles, reverse=True) and titles[0] == "2022-08-10"


def test_index_and_database_pages_start_with_search_and_dashboards(server: Server, db: Path) -> None:
    for path in ("/", "/zone"):
        html = page(server, path)
        assert '<form class="zone-search" action="/zone/figure_search"' in html
        assert f'<a href="/zone/region/{one(db, "SELECT id FROM region WHERE name = ?", ZONE)}">{ZONE}</a>' in html


# --- views that tell the truth ----------------------------------------------------------------------

def test_browsing_views_and_queries_leave_out_rejected_and_show_corrected(server: Server, db: Path) -> None:
    rejected = fid(db, "46个")
    for path, params in [("figure_detail", {}), ("figure_current", {}), ("figure_search", {"q": "签约项目"}),
                         ("latest_by_sector", {"sector": ""}), ("review_queue", {})]:
        body = server.get(f"/zone/{path}.json", _shape="objects", _size="max", **params).json()
        ids = {r.get("figure_id", r.get("id")) for r in body["rows"]}
        assert rejected not in ids, path
    detail = server.get("/zone/figure_detail.json", _shape="objects", figure_id=str(fid(db, "55微克/立方米"))).json()
    assert [(r["value"], r["extracted_value"], r["corrected"]) for r in detail["rows"]] == [(54, 55, 1)]


def test_canned_query_sql_is_folded_by_default(server: Server) -> None:
    html = page(server, "/zone/latest_by_sector")
    assert "PARTITION BY" not in html and "_show_sql=1" in html
    assert "PARTITION BY" in page(server, "/zone/latest_by_sector", _show_sql="1")


def test_hostile_text_stays_inert_on_every_page(server: Server, db: Path) -> None:
    figure = fid(db, "88.8亿元")
    article = one(db, "SELECT article_id FROM figure WHERE id = ?", figure)
    region = one(db, "SELECT id FROM region WHERE name = ?", ZONE)
    pages = [f"/zone/figure/{figure}", f"/zone/article/{article}", f"/zone/region/{region}", "/zone/figure_detail",
             "/zone/article", "/zone/articles", "/zone/latest_by_sector", "/", "/zone"]
    indicator = one(db, "SELECT indicator_id FROM figure WHERE id = ?", figure)
    if indicator:
        pages.append(f"/zone/indicator/{indicator}")
    for path in pages:
        html = page(server, path)  # checks INERT
        if path == f"/zone/article/{article}":   # the article's text keeps the markup, as text
            assert "&lt;script&gt;alert(&#34;body&#34;)" in html and "&lt;img src=x onerror=alert(2)&gt;" in html
        if path == f"/zone/figure/{figure}":     # the sentence lost the tags at extraction, not the quote
            assert "alert(&#34;body&#34;)&#34;&gt;" in html
    assert "javascript:alert(3)" in page(server, f"/zone/article/{article}")  # shown as text, not a link
    assert "alert(&#34;body&#34;)&#34;&gt;" in page(server, "/zone/figure_search", q="工业总产值")


# --- every query of the pages is indexed --------------------------------------------------------

class PlanRecorder:
    """Stands in for Datasette's Database: runs each query on a read-only connection and keeps
    its query plan."""

    def __init__(self, path: Path) -> None:
        from browse.search import fts_query

        self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.conn.row_factory = sqlite3.Row
        self.conn.create_function("zone_fts", 1, fts_query)
        self.plans: list[tuple[str, list[str]]] = []

    async def execute(self, sql: str, params: Any = (), **kwargs: Any) -> Any:
        plan = [row[3] for row in self.conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
        self.plans.append((sql, plan))

        class Results:
            rows = self.conn.execute(sql, params).fetchall()
        return Results()


def test_page_queries_use_indexes(db: Path) -> None:
    import asyncio

    from test_browse import table_scans

    from browse import pages

    recorder = PlanRecorder(db)
    region = one(db, "SELECT id FROM region WHERE name = ?", ZONE)
    article = one(db, "SELECT article_id FROM figure WHERE id = ?", fid(db, "32.21亿元"))

    async def load_all() -> None:
        assert await pages.figure_page(recorder, fid(db, "32.21亿元"))
        assert await pages.figure_page(recorder, fid(db, "263.9亿元"))
        assert await pages.article_page(recorder, article)
        assert await pages.indicator_page(recorder, "signed_projects_investment")
        assert await pages.region_dashboard(recorder, region)

    asyncio.run(load_all())
    assert len(recorder.plans) > 10
    for sql, plan in recorder.plans:
        assert not table_scans(plan), (sql, plan)
