"""Series end to end: articles -> `zone ingest` -> series view -> brief (PDF) and Datasette,
with reviews (reject, correct, relink, prefer) honoured everywhere.

The four articles below are written for these tests: one zone reporting its signed projects,
their total investment and PM2.5 for 2018, 2019 and 2021, a target for 2025, and a later
article from another paper that gives another 2021 investment total (a conflict).
"""
from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
from datetime import date
from pathlib import Path
from typing import Any, Iterator

import pytest
from click.testing import CliRunner

from browse.serve import DATABASE_NAME, load_metadata
from ingest.store import open_db
from reports.brief import make_brief
from reports.render import render_html, write_brief
from reports.series import choose_scale, short_period, y_range
from track.regions import register
from track.review import record
from zone import cli

ZONE = "沧州经济开发区"

ARTICLES = {
    "2019-01-18_kfq.md": f"""---
title: {ZONE}去年招商成果丰硕
date: 2019-01-18
source: 渤海晨报
region: {ZONE}
---

2018年，{ZONE}全年签约项目41个，总投资156.3亿元。

全年全区PM2.5平均浓度为61微克/立方米。
""",
    "2020-01-20_kfq.md": f"""---
title: {ZONE}2019年招商引资综述
date: 2020-01-20
source: 渤海晨报
region: {ZONE}
---

2019年，{ZONE}全年签约项目46个，总投资188.7亿元。

全年全区PM2.5平均浓度为55微克/立方米。

到2025年，开发区力争签约项目总投资达到500亿元。
""",
    "2022-01-25_kfq.md": f"""---
title: {ZONE}2021年经济运行回顾
date: 2022-01-25
source: 运河周刊
region: {ZONE}
---

2021年，{ZONE}全年签约项目58个，总投资263.9亿元。

全年全区PM2.5平均浓度为44微克/立方米。
""",
    # Another paper, later, with another 2021 total: both kept, this one preferred (latest).
    "2022-03-02_kfq.md": f"""---
title: 开发区项目建设提速
date: 2022-03-02
source: 港城晚报
region: {ZONE}
---

2021年，{ZONE}签约项目总投资270.5亿元。
""",
}


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("series")
    articles = folder / "articles"
    articles.mkdir()
    for name, text in ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    db = folder / "zone.db"
    run("ingest", str(articles), "--db", str(db))
    return db


@pytest.fixture
def db(built: Path, tmp_path: Path) -> Path:
    """A copy each test may review without touching the others."""
    copy = tmp_path / "zone.db"
    shutil.copyfile(built, copy)
    return copy


def figure_id(db: Path, text: str) -> int:
    with sqlite3.connect(db) as c:
        row = c.execute("SELECT id FROM figure WHERE text = ? AND origin = 'reported'", (text,)).fetchone()
    assert row, text
    return int(row[0])


def review(db: Path, ref: int, action: str, **fields: Any) -> None:
    conn = open_db(db)
    try:
        record(conn, ref, action, **fields)
        conn.commit()
    finally:
        conn.close()


def brief_series(db: Path) -> dict[str, Any]:
    with sqlite3.connect(db) as conn:
        brief = make_brief(conn, region=ZONE, today=date(2022, 4, 1))
    sections = {s.kind: s for s in brief.sections}
    return {"brief": brief, "series": sections["series"].data, "targets": sections.get("targets")}


def block(data: Any, name: str) -> Any:
    return next(b for b in data.blocks if b.name == name)


# ---------------------------------------------------------------- the canned query and the view

SERIES_SQL = load_metadata()["databases"][DATABASE_NAME]["queries"]["series"]["sql"]


def canned(conn: sqlite3.Connection, indicator: str, region: str = "") -> set[tuple[Any, ...]]:
    register(conn)              # zone_region_key, as browse/plugin.py gives Datasette's connections
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(SERIES_SQL, {"indicator": indicator, "region": region}).fetchall()
    finally:
        conn.row_factory = None
    return {(r["figure_id"], r["value"], r["period_end"], r["kind"], bool(r["preferred"]), bool(r["conflict"]))
            for r in rows}


def from_view(conn: sqlite3.Connection, indicator: str, region: str = "") -> set[tuple[Any, ...]]:
    return {(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5])) for r in conn.execute(
        "SELECT figure_id, value, period_end, kind, preferred, conflict FROM series "
        "WHERE indicator_id = ? AND (? = '' OR region = ?)", (indicator, region, region))}


def assert_canned_matches_view(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        indicators = [i for (i,) in conn.execute("SELECT id FROM indicator")]
        for indicator in indicators:
            for region in ("", ZONE):
                assert canned(conn, indicator, region) == from_view(conn, indicator, region), (indicator, region)


def test_canned_series_query_is_the_series_view_for_one_indicator(db: Path) -> None:
    assert_canned_matches_view(db)
    with sqlite3.connect(db) as conn:
        points = sorted(canned(conn, "signed_projects_investment"), key=lambda p: (p[2], not p[4]))
    assert [(p[1], p[2], p[4], p[5]) for p in points if p[3] == "level"] == [
        (15_630_000_000, "2018-12-31", True, False), (18_870_000_000, "2019-12-31", True, False),
        (27_050_000_000, "2021-12-31", True, True), (26_390_000_000, "2021-12-31", False, True)]
    # After every kind of review the two still agree.
    review(db, figure_id(db, "46个"), "reject")
    review(db, figure_id(db, "55微克/立方米"), "correct", value=54)
    review(db, figure_id(db, "263.9亿元"), "prefer")
    review(db, figure_id(db, "41个"), "relink", indicator="started_projects")
    assert_canned_matches_view(db)
    with sqlite3.connect(db) as conn:
        assert {p[1] for p in canned(conn, "signed_projects")} == {58}
        assert {p[1] for p in canned(conn, "started_projects")} == {41}
        assert 54 in {p[1] for p in canned(conn, "pm25")}
        preferred = {p[1] for p in canned(conn, "signed_projects_investment") if p[4] and p[2] == "2021-12-31"}
        assert preferred == {26_390_000_000}


# ---------------------------------------------------------------- the brief's data

def test_series_blocks_have_three_points_in_period_order_with_sources(db: Path) -> None:
    data = brief_series(db)["series"]
    projects = block(data, "签约项目数")
    assert [(r.period, r.value) for r in projects.rows] == [("2018年", "41个"), ("2019年", "46个"), ("2021年", "58个")]
    # Sources are numbered newest article first: [1] 2022-03-02, [2] 2022-01-25, [3] 2020, [4] 2019.
    assert [r.sources for r in projects.rows] == [(4,), (3,), (2,)]
    assert projects.unit == "个"
    change = projects.change
    assert (change.latest_value, change.previous_value, change.delta, change.pct) == ("58个", "46个", "+12个", "+26.1%")
    assert change.caution is None
    pm = block(data, "PM2.5平均浓度")
    assert [r.value for r in pm.rows] == ["61微克/立方米", "55微克/立方米", "44微克/立方米"]
    assert pm.unit == "微克/立方米"
    assert pm.change.direction == "down" and pm.change.delta == "−11微克/立方米"


def test_conflict_shows_both_values_and_marks_the_preferred(db: Path) -> None:
    money = block(brief_series(db)["series"], "签约项目总投资")
    assert money.unit == "亿元" and money.conflict
    last = [(r.value, r.tags, r.other, r.sources) for r in money.rows if r.period == "2021年"]
    assert last == [("270.5亿元", ("采用",), False, (1,)), ("263.9亿元", ("另报",), True, (2,))]
    assert money.change.latest_value == "270.5亿元" and money.change.previous_value == "188.7亿元"
    assert len(money.chart.marks) == 3 and len(money.chart.others) == 1
    # A reviewer's prefer wins over the later article.
    review(db, figure_id(db, "263.9亿元"), "prefer")
    money = block(brief_series(db)["series"], "签约项目总投资")
    assert [(r.value, r.other) for r in money.rows if r.period == "2021年"] == [("263.9亿元", False), ("270.5亿元", True)]


def test_targets_sit_beside_the_latest_level(db: Path) -> None:
    targets = brief_series(db)["targets"].data.rows
    assert [(t.value, t.horizon) for t in targets] == [("500亿元", "2025年")]
    target = targets[0]
    assert (target.latest_value, target.latest_period, target.latest_sources) == ("270.5亿元", "2021年", (1,))
    assert target.progress == "达目标的 54.1%" and target.reached is False and target.bar == pytest.approx(54.1)


def test_rejected_figure_leaves_the_series_and_a_correction_shows(db: Path) -> None:
    run("review", "reject", str(figure_id(db, "46个")), "--note", "test", "--db", str(db))
    review(db, figure_id(db, "55微克/立方米"), "correct", value=54)
    data = brief_series(db)["series"]
    projects = block(data, "签约项目数")
    assert [r.value for r in projects.rows] == ["41个", "58个"]
    assert projects.change.previous_value == "41个"
    pm = block(data, "PM2.5平均浓度")
    corrected = next(r for r in pm.rows if r.period == "2019年")
    assert corrected.value == "54微克/立方米" and "已更正" in corrected.tags
    assert corrected.note == "原文值 55微克/立方米"
    # The sector tables and the appendix follow the same reviews: the sentence is still
    # quoted for its other figures, but 46个 is no longer marked as a figure or listed.
    html = render_html(brief_series(db)["brief"])
    assert "46个" in html and not re.search(r"<mark[^>]*>46个</mark>", html)
    assert '<span class="v">46个</span>' not in html
    assert '<span class="v">58个</span>' in html


def test_a_single_article_has_no_series_section(tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "a.md").write_text(ARTICLES["2020-01-20_kfq.md"], encoding="utf-8")
    db = tmp_path / "one.db"
    run("ingest", str(folder), "--db", str(db))
    with sqlite3.connect(db) as conn:
        brief = make_brief(conn, region=ZONE, today=date(2022, 4, 1))
    # One period of everything: no series section and no contents entry, never "(0)".
    assert "series" not in {s.kind for s in brief.sections}
    assert "指标走势" not in render_html(brief)


# ---------------------------------------------------------------- chart helpers

@pytest.mark.parametrize("values, unit, expected", [
    ([15_630_000_000, 27_050_000_000], "元", ("亿元", "270.5")),
    ([36_000, 86_000], "辆", ("万辆", "8.6")),
    ([41, 58], "个", ("个", "58")),
    ([34, 61], "微克/立方米", ("微克/立方米", "61")),
    ([12.5, 20], "%", ("%", "20")),
])
def test_scale_keeps_numbers_short(values: list[float], unit: str, expected: tuple[str, str]) -> None:
    scale = choose_scale(values, unit)
    assert (scale.unit, scale.number(values[-1])) == expected


def test_short_period_and_y_range() -> None:
    assert short_period("2021-01-01", "2021-12-31") == "2021"
    assert short_period("2020-01-01", "2020-08-31") == "2020.1–8"
    assert short_period("2022-01-01", "2022-08-10") == "2022.1–8.10"
    assert short_period("2022-08-10", "2022-08-10") == "2022.8.10"
    assert y_range([41, 58]) == (40, 60, 5)          # close together: a nice floor, not zero
    assert y_range([9, 27.1]) == (0, 30, 10)         # spread out: from zero


# ---------------------------------------------------------------- the PDF

needs_poppler = pytest.mark.skipif(not all(shutil.which(t) for t in ("pdftotext", "pdftoppm")),
                                   reason="poppler-utils not installed")


def pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


def vector_ops(pdf: Path, page: int) -> int:
    """Path-drawing operators on a page: lines and curves the SVG chart adds."""
    from pypdf import PdfReader
    content = PdfReader(pdf).pages[page].get_contents()
    assert content is not None
    data = content.get_data().decode("latin-1")
    return len(re.findall(r"(?m)\b(?:[-\d.]+\s+){2}l\s*$", data)) + len(re.findall(r"(?m)\b(?:[-\d.]+\s+){6}c\s*$", data))


@pytest.fixture
def rendered(db: Path, tmp_path: Path) -> tuple[Path, Any]:
    with sqlite3.connect(db) as conn:
        result = write_brief(conn, tmp_path / "brief.pdf", region=ZONE)
    return tmp_path / "brief.pdf", result


@pytest.mark.slow
@needs_poppler
def test_pdf_series_section_has_values_sources_and_chart(rendered: tuple[Path, Any], tmp_path: Path) -> None:
    pdf, result = rendered
    pages = pdf_pages(pdf)
    series_pages = [i for i, p in enumerate(pages) if "签约项目数" in p and "最新变化" in p]
    assert series_pages, pages
    page = pages[series_pages[0]]
    rows = re.findall(r"(20\d\d年)\s+(\d+个)\s+\[(\d)\]", page)
    assert [r[:2] for r in rows] == [("2018年", "41个"), ("2019年", "46个"), ("2021年", "58个")]
    assert [r[2] for r in rows] == ["4", "3", "2"]
    # The chart's axis labels and unit are text in the PDF, so the SVG was drawn.
    squeezed = "".join(page.split())
    assert "单位:亿元" in squeezed and "单位:个" in squeezed and "单位:微克/立方米" in squeezed
    assert all(year in page for year in ("2018", "2019", "2021"))
    # Both 2021 totals are shown, the preferred one marked.
    assert re.search(r"采用\s*270\.5亿元", page) and re.search(r"另报\s*263\.9亿元", page)
    # Sources: every source number the series cites is in the sources list.
    text = "\n".join(pages)
    for paper in ("渤海晨报", "运河周刊", "港城晚报"):
        assert paper in text
    # Vector drawing: the series page draws far more paths than the sources page.
    sources_page = next(i for i, p in enumerate(pages) if "资料来源" in p and "来源编号" in p)
    assert vector_ops(pdf, series_pages[0]) > vector_ops(pdf, sources_page) + 10
    # Targets beside the latest level.
    targets = next(p for p in pages if "达目标的" in p)
    assert "500亿元" in targets and "54.1%" in targets
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", str(series_pages[0] + 1), "-l", str(series_pages[0] + 1),
                    str(pdf), str(tmp_path / "series")], check=True)
    assert next(tmp_path.glob("series-*.png")).stat().st_size > 5000


@pytest.mark.slow
@needs_poppler
def test_pdf_after_reject_and_correct(db: Path, tmp_path: Path) -> None:
    run("review", "reject", str(figure_id(db, "46个")), "--db", str(db))
    run("review", "correct", str(figure_id(db, "188.7亿元")), "--value", "18900000000", "--db", str(db))
    with sqlite3.connect(db) as conn:
        write_brief(conn, tmp_path / "reviewed.pdf", region=ZONE)
    pages = pdf_pages(tmp_path / "reviewed.pdf")
    series = next(p for p in pages if "签约项目数" in p and "最新变化" in p)
    assert re.search(r"2018年\s+41个", series) and re.search(r"2021年\s+58个", series)
    assert not re.search(r"2019年\s+46个", series)
    assert re.search(r"2019年\s+已更正\s*189亿元", series), series
    assert "原文值 188.7亿元" in series


# ---------------------------------------------------------------- a region by any of its names

# The zone's canonical name, an alias of the catalog (regions.yaml), a short form it generates,
# the alias in traditional characters, and its English name in other case: one region.
REGION_NAMES = (ZONE, "沧州开发区", "沧州经开区", "滄州開發區", " 沧州经济开发区 ", "cangzhou economic development zone")


def test_region_by_alias_short_or_traditional_form_in_cli_and_brief(db: Path) -> None:
    expected = run("series", "signed_projects", "--region", ZONE, "--db", str(db))
    assert "58个" in expected and ZONE in expected
    with sqlite3.connect(db) as conn:
        whole = make_brief(conn, region=ZONE, today=date(2022, 4, 1))
        for name in REGION_NAMES:
            assert run("series", "signed_projects", "--region", name, "--db", str(db)) == expected, name
            brief = make_brief(conn, region=name, today=date(2022, 4, 1))
            assert (brief.heading, brief.n_figures) == (ZONE, whole.n_figures), name
    result = CliRunner().invoke(cli, ["series", "signed_projects", "--region", "滄州某區", "--db", str(db)])
    assert result.exit_code == 1 and "no region '滄州某區'" in result.output


# ---------------------------------------------------------------- Datasette over HTTP

@pytest.fixture
def server(db: Path, tmp_path: Path) -> Iterator[Any]:
    from test_browse import running_server
    run("review", "reject", str(figure_id(db, "46个")), "--db", str(db))
    run("review", "correct", str(figure_id(db, "55微克/立方米")), "--value", "54", "--db", str(db))
    with running_server(db, tmp_path / "serve.log") as s:
        yield s


@pytest.mark.slow
def test_datasette_series_conflicts_and_queue_honour_reviews(server: Any) -> None:
    projects = server.rows("series", indicator="signed_projects", region="沧州经开区")
    assert [(r["period_end"], r["value"], r["preferred"]) for r in projects] == [
        ("2018-12-31", 41, 1), ("2021-12-31", 58, 1)]
    for name in REGION_NAMES:       # the canned query finds the region as the CLI and the brief do
        assert server.rows("series", indicator="signed_projects", region=name) == projects, name
    assert server.rows("series", indicator="signed_projects", region="滄州某區") == []
    assert all(r["paper"] and r["published"] and r["title"] for r in projects)
    pm = server.rows("series", indicator="pm25", region="")
    corrected = next(r for r in pm if r["period_end"] == "2019-12-31")
    assert (corrected["value"], corrected["extracted_value"], corrected["corrected"]) == (54, 55, 1)
    conflicts = server.rows("conflicts")
    assert sorted((r["value"], r["preferred"]) for r in conflicts) == [(26_390_000_000, 0), (27_050_000_000, 1)]
    # Both conflicting figures wait for a decision; the rejected one is gone everywhere.
    queue = server.rows("review_queue")
    assert {r["text"] for r in queue if r["reason"] == "conflict"} == {"263.9亿元", "270.5亿元"}
    assert "46个" not in {r["text"] for r in server.rows("figure_search", q="签约项目")}
    assert "46个" not in {r["text"] for r in server.rows("latest_by_sector", sector="")}
    article_id = next(r["id"] for r in server.rows("articles") if r["published"] == "2020-01-20")
    in_article = {r["text"] for r in server.rows("article_figures", article=str(article_id))}
    assert "46个" not in in_article and {"188.7亿元", "500亿元"} <= in_article
    searched = {r["text"]: r for r in server.rows("figure_search", q="PM2.5")}
    assert searched["55微克/立方米"]["value"] == 54 and searched["55微克/立方米"]["corrected"] == 1


def _point(n: int, start: str, end: str, value: float, origin: str = "reported") -> Any:
    from reports.queries import SeriesPoint
    return SeriesPoint(figure_id=n, article_id=n, indicator_id="fiscal_revenue", indicator_name="财政收入",
                       indicator_name_en="Fiscal revenue", indicator_sector="财政", kind="level", unit="元",
                       period_start=start, period_end=end, value=value, value_max=None, qualifier="exact",
                       text=f"{value / 1e8:g}亿元", origin=origin, preferred=True, conflict=False,
                       published=end, point_key=f"fiscal_revenue|1|level|元|{start}|{end}")


def test_latest_change_compares_periods_of_the_same_length() -> None:
    from reports.document import Context
    from reports.labels import LABELS
    from reports.queries import Region, ZoneFacts
    from reports.series import level_series
    from reports.series_section import series_change
    points = [_point(1, "2011-01-01", "2011-04-30", 2.316e8, "derived"), _point(2, "2011-01-01", "2011-12-31", 7.46e8),
              _point(3, "2012-01-01", "2012-04-30", 2.86e8)]
    ctx = Context(facts=ZoneFacts(region=Region(1, ZONE)), lang="zh", labels=LABELS["zh"],
                  source_numbers={1: 3, 2: 2, 3: 1}, figure_numbers={1: 1, 2: 2, 3: 3})
    groups = level_series(points)[("fiscal_revenue", "元", None)]
    change = series_change(ctx, groups)
    # Jan–Apr 2012 against Jan–Apr 2011, not against the whole of 2011 just before it.
    assert (change.previous_period, change.previous_value, change.pct, change.caution) == (
        "2011年1–4月", "2.316亿元", "+23.5%", None)
    # Without a period of the same length: the one just before, with a caution.
    groups = level_series(points[1:])[("fiscal_revenue", "元", None)]
    change = series_change(ctx, groups)
    assert change.previous_period == "2011年" and change.caution == "两期时期长度不同,仅供参考"
