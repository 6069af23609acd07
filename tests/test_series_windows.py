"""Series that can be trusted: a growth written in 倍 joins its series in %, once, on the same
axis as the growths written in %, and no line joins a full year to part of a year without
saying so — in the series view, `zone series`, the brief's chart and Datasette's charts.

The articles below were written for these tests: one zone's industrial value added grows
+30% in 2020 (是上年的1.3倍: a ratio to the year before), 12.5% in 2021 and 1.2倍 (+120%) in
January–February 2022, which a later paper gives as 120%; its revenue is reported for two
full years and for January–February.
"""
from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from browse.pages import series_charts
from reports.brief import make_brief
from zone import cli

ZONE = "沧州经济开发区"
GROWTH = "industrial_value_added"
REVENUE = "industrial_revenue"


def article(published: str, paper: str, title: str, body: str) -> str:
    return f"---\ntitle: {title}\ndate: {published}\nsource: {paper}\nregion: {ZONE}\n---\n\n{body}\n"


ARTICLES = {
    "2021-01-15_a.md": article("2021-01-15", "渤海晨报", "开发区2020年工业运行",
                               f"2020年，{ZONE}规模以上工业增加值是上年的1.3倍，营业收入80亿元。"),
    "2022-01-20_b.md": article("2022-01-20", "渤海晨报", "开发区2021年经济运行回顾",
                               f"2021年，{ZONE}规模以上工业增加值同比增长12.5%，营业收入100亿元。"),
    "2022-03-10_c.md": article("2022-03-10", "运河周刊", "开发区前两月开门红",
                               f"1-2月，{ZONE}规模以上工业增加值同比增长1.2倍，营业收入20亿元。"),
    "2022-03-12_d.md": article("2022-03-12", "港城晚报", "开发区前两月工业增速",
                               f"1-2月，{ZONE}规模以上工业增加值同比增长120%。"),
}


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def ingest(folder: Path, articles: dict[str, str]) -> Path:
    texts = folder / "articles"
    texts.mkdir(exist_ok=True)
    for name, text in articles.items():
        (texts / name).write_text(text, encoding="utf-8")
    db = folder / "zone.db"
    run("ingest", str(texts), "--db", str(db))
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingest(tmp_path_factory.mktemp("windows"), ARTICLES)


def points(db: Path, indicator: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT period_end, window, value, unit, written_unit, text, preferred, conflict FROM series "
            "WHERE indicator_id = ? ORDER BY period_end, published", (indicator,)).fetchall()


def test_growth_in_bei_is_converted_to_percent_and_windows_are_named(db: Path) -> None:
    assert points(db, GROWTH) == [
        ("2020-12-31", "year", pytest.approx(30), "%", "倍", "1.3倍", 1, 0),         # 是上年的1.3倍: +30%
        ("2021-12-31", "year", 12.5, "%", "%", "12.5%", 1, 0),
        ("2022-02-28", "year_to_date", pytest.approx(120), "%", "倍", "1.2倍", 0, 0),  # 增长1.2倍: +120%
        ("2022-02-28", "year_to_date", 120, "%", "%", "120%", 1, 0),                 # the same growth: no conflict
    ]
    assert [(p[1], p[2]) for p in points(db, REVENUE)] == [
        ("year", 8e9), ("year", 1e10), ("year_to_date", 2e9)]


def test_bei_and_percent_of_one_period_are_compared_as_one_point(db: Path, tmp_path: Path) -> None:
    other = {"2022-03-15_e.md": article("2022-03-15", "沧州日报", "开发区工业", f"1-2月，{ZONE}规模以上工业增加值增长90%。")}
    copy = ingest(tmp_path, {**ARTICLES, **other})
    period = [p for p in points(copy, GROWTH) if p[0] == "2022-02-28"]
    assert sorted((p[5], p[6], p[7]) for p in period) == [("1.2倍", 0, 1), ("120%", 0, 1), ("90%", 1, 1)]


def test_zone_series_shows_the_window_and_the_unit_once(db: Path) -> None:
    lines = run("series", GROWTH, "--region", ZONE, "--db", str(db)).splitlines()
    assert lines[1].split()[:3] == ["period", "window", "value"]
    rows = {line.split()[0]: line for line in lines[3:]}
    assert rows["2020-01-01..2020-12-31"].split()[1:3] == ["year", "30%"]
    assert "written 1.3倍" in rows["2020-01-01..2020-12-31"]
    assert rows["2022-01-01..2022-02-28"].split()[1:3] == ["year_to_date", "120%"]
    assert "倍" not in "".join(line.split()[2] for line in lines[3:])      # one unit for the whole series


def test_brief_chart_joins_only_points_of_one_window_and_says_so(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        brief = make_brief(conn, region=ZONE, today=date(2022, 4, 1))
    series = next(s for s in brief.sections if s.kind == "series").data
    block = next(b for b in series.blocks if "营业收入" in b.name)
    assert [r.period for r in block.rows] == ["2020年", "2021年", "2022年1–2月"]
    # Three points, one segment: 2020–2021 joined, 2021 and January–February not.
    assert len(block.chart.marks) == 3 and len(block.chart.segments) == 1
    assert block.chart.segments[0].x2 == block.chart.marks[1].x
    assert "时间口径" in (block.caption or "")


def test_datasette_charts_one_window_per_line(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        rows = [dict(r) for r in conn.execute("SELECT * FROM series WHERE indicator_id = ?", (REVENUE,))]
    charts = series_charts(rows)
    assert sorted((c["window"], c["points"]) for c in charts) == [("year", 2), ("year_to_date", 1)]
    assert all(("year to date" in c["title"]) == (c["window"] == "year_to_date") for c in charts)
    # One window: the title needs no window.
    single = series_charts([r for r in rows if r["window"] == "year"])
    assert len(single) == 1 and "full year" not in single[0]["title"]


def test_a_share_in_cheng_joins_its_series_in_percent(tmp_path: Path) -> None:
    shares = {
        "2021-01-15_a.md": article("2021-01-15", "渤海晨报", "开发区2020年工业",
                                   f"2020年，{ZONE}高新技术产业增加值占规模以上工业增加值的比重达到三成。"),
        "2022-01-15_b.md": article("2022-01-15", "渤海晨报", "开发区2021年工业",
                                   f"2021年，{ZONE}高新技术产业增加值占规模以上工业增加值的比重达到35%。"),
    }
    db = ingest(tmp_path, shares)
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT value, unit FROM figure WHERE text = '三成'").fetchall()
    assert stored == [(3, "成")]                     # as written (CONVENTIONS: 成 stays 成)
    assert [(p[0], p[2], p[3], p[4]) for p in points(db, "high_tech_industry_value_added_share")] == [
        ("2020-12-31", 30, "%", "成"), ("2021-12-31", 35, "%", "%")]
