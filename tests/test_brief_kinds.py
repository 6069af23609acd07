"""The three briefs — zone, change, indicator — built from a database that `zone ingest` makes
out of our own multi-period articles (tests/fixtures/briefs: one zone's yearly reviews
2019–2021, another zone, a city article, a later paper with a conflicting total, a new
indicator, a quarter and an unlinked count, and a correction by the first paper).

Checked on the data (every section, value and source) and on the PDF: text (pdftotext),
embedded fonts (pdffonts), and pages saved as PNG (pdftoppm) under out/test-pages/."""
from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from brief_checks import (
    chinese_outside_quotes,
    fonts_embedded,
    lines_break_no_value,
    needs_poppler,
    pdf_chinese_not_quoted,
    pdf_pages,
    pdf_text,
    save_pages,
    squeeze,
)
from click.testing import CliRunner

from reports.change_facts import Since, load_changes
from reports.changes import make_change_brief
from reports.indicator_brief import make_indicator_brief
from reports.queries import BriefError
from reports.render import BriefRequest, build, render_html
from zone import cli

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "briefs"
ZONE = "沧州经济开发区"
TODAY = date(2022, 4, 1)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kinds") / "zone.db"
    result = CliRunner().invoke(cli, ["ingest", str(FIXTURES), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def conn(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)


def section(brief: Any, kind: str, anchor: str | None = None) -> Any:
    return next(s for s in brief.sections if s.kind == kind and (anchor is None or s.anchor == anchor))


# ---------------------------------------------------------------- the zone brief

def test_zone_brief_puts_headline_figures_first(db: Path) -> None:
    brief = build(conn(db), BriefRequest(region=ZONE))
    assert brief.sections[0].kind == "keyfigures"
    cards = {c.label: c for c in brief.sections[0].data}
    revenue = cards["营业收入"]
    # The latest report (the correction, 505.6亿元), against 2020 (451.3亿元): one number each.
    assert (revenue.value, revenue.period, revenue.change) == ("505.6亿元", "2021年", "较2020年 +12.0%")
    assert cards["固定资产投资"].change == "同比 +9.1%"           # the growth the article reports
    assert [c.sector for c in brief.sections[0].data][:3] == ["经济总量", "投资", "项目建设"]   # the catalog's order


def test_zone_brief_series_and_targets_against_the_latest_level(db: Path) -> None:
    brief = build(conn(db), BriefRequest(region=ZONE))
    blocks = {b.name: b for b in section(brief, "series").data.blocks}
    revenue = blocks["营业收入"]
    assert [(r.period, r.value) for r in revenue.rows if not r.other] == [
        ("2018年", "约381.7亿元"), ("2019年", "412.6亿元"), ("2020年", "451.3亿元"), ("2021年", "505.6亿元")]
    assert "2018年" in (revenue.caption or "")                     # the derived point is named
    assert [r.value for r in revenue.rows if r.other] == ["488.2亿元"]
    money = blocks["签约项目总投资"]
    assert money.conflict and [r.value for r in money.rows if r.period == "2021年"] == ["270.5亿元", "263.9亿元"]
    targets = {r.label: r for r in section(brief, "targets").data.rows}
    assert (targets["营业收入"].latest_value, targets["营业收入"].reached) == ("505.6亿元", True)
    assert (targets["固定资产投资"].latest_value, targets["固定资产投资"].reached) == ("112.9亿元", False)
    assert targets["签约项目总投资"].progress == "达目标的 45.1%"


# ---------------------------------------------------------------- the change brief

def test_change_brief_since_a_day(db: Path) -> None:
    brief = make_change_brief(conn(db), Since(day="2022-03-01"), region=ZONE, today=TODAY)
    rows = {s.anchor: s.data.rows for s in brief.sections if s.kind == "changes"}
    assert [(r.label, r.value, r.period) for r in rows["changes-new_indicator"]] == [("新增高新技术企业数", "36家", "2021年")]
    (quarter,) = rows["changes-new_period"]
    assert (quarter.label, quarter.value, quarter.period) == ("签约项目数", "12个", "2022年1–3月")
    assert quarter.earlier[0][:2] == ("58个", "2021年") and quarter.change == "时期长度不同,不作比较"
    (revised,) = rows["changes-revised"]          # the same paper (渤海晨报) corrects its 2021 revenue
    assert (revised.value, revised.earlier[0][:2]) == ("505.6亿元", ("488.2亿元", "2021年"))
    (conflict,) = rows["changes-conflicting"]     # another paper (港城晚报) gives another 2021 total
    assert (conflict.value, conflict.earlier[0][:2]) == ("270.5亿元", ("263.9亿元", "2021年"))
    targets = {r.label: r for r in section(brief, "target_changes").data}
    assert (targets["营业收入"].status, targets["营业收入"].level) == ("reached", "505.6亿元")
    assert targets["签约项目总投资"].status_text == "达目标的 45.1%"
    other = section(brief, "sector", "changes-other").data.rows
    assert [(r.label, r.value) for r in other] == [("开发区建成5G基站", "420个")]
    assert brief.n_articles == 2 and "2 篇报道" in (brief.scope or "")
    assert [e.article.paper for e in section(brief, "sources").data][:2] == ["渤海晨报", "港城晚报"]


def test_change_brief_since_an_article_and_a_missed_target(db: Path) -> None:
    brief = make_change_brief(conn(db), Since(article="渤海晨报/2022-01-18_kfq_2021"), region=ZONE, today=TODAY)
    rows = {s.anchor: s.data.rows for s in brief.sections if s.kind == "changes"}
    new_periods = {(r.label, r.period): r for r in rows["changes-new_period"]}
    revenue = new_periods[("营业收入", "2021年")]
    assert revenue.value == "488.2亿元" and revenue.change == "同比 +8.2%" and revenue.earlier[0][:2] == ("451.3亿元", "2020年")
    targets = {r.label: r for r in section(brief, "target_changes").data}
    assert (targets["固定资产投资"].status, targets["固定资产投资"].level) == ("missed", "112.9亿元")
    assert targets["营业收入"].status == "reached"           # the corrected 505.6亿元, the latest report
    assert "自2022年1月18日《沧州经济开发区2021年经济运行回顾》起" in (brief.scope or "")


def test_change_brief_reads_only_the_news(db: Path) -> None:
    facts = load_changes(conn(db), Since(day="2022-03-01"), ZONE)
    # Figures shown: the news, the earlier values it is set against, the targets and growth rates.
    earlier = {i for ids in facts.earlier.values() for i in ids}
    for f in facts.zone.figures:
        assert f.article_id in facts.new_articles or f.id in earlier or f.kind in ("target", "change"), f
    with pytest.raises(BriefError, match="nothing has changed"):
        load_changes(conn(db), Since(day="2030-01-01"), ZONE)
    with pytest.raises(BriefError, match="no article"):
        load_changes(conn(db), Since(article="没有/这篇"), ZONE)
    with pytest.raises(BriefError, match="YYYY-MM-DD"):
        load_changes(conn(db), Since(day="yesterday"), ZONE)


# ---------------------------------------------------------------- the indicator brief

def test_indicator_brief_across_regions_and_years(db: Path) -> None:
    brief = make_indicator_brief(conn(db), "签约项目总投资", today=TODAY)
    assert brief.heading == "签约项目总投资" and brief.heading_alt == "Signed total investment of projects"
    definition = section(brief, "definition").data
    assert definition.definition.startswith("签约项目总投资: measure 项目总投资") and definition.unit == "元"
    assert (definition.regions, definition.periods) == (3, 3)
    blocks = {b.name: b for b in section(brief, "series").data.blocks}
    assert set(blocks) == {"沧州经济开发区", "沧州高新技术产业开发区"}
    zone = blocks["沧州经济开发区"]
    assert [(r.period, r.value, r.other) for r in zone.rows] == [
        ("2019年", "212.5亿元", False), ("2020年", "238.7亿元", False), ("2021年", "270.5亿元", False),
        ("2021年", "263.9亿元", True)]
    single = section(brief, "sector", "single").data.rows
    assert [(r.label, r.value) for r in single] == [("沧州市开发区", "1260.3亿元")]
    # Every source of every value: the six articles that report the indicator.
    assert len(section(brief, "sources").data) == 6
    assert section(brief, "targets").data.rows[0].value == "600亿元"


def test_indicator_brief_in_a_city_and_by_english_name(db: Path) -> None:
    brief = make_indicator_brief(conn(db), "Signed projects", region="沧州市", lang="en", today=TODAY)
    assert brief.heading == "Signed projects" and brief.scope == "Scope: Cangzhou and the regions within it"
    names = {b.name for b in section(brief, "series").data.blocks}
    assert names == {"Cangzhou Economic Development Zone", "Cangzhou High-tech Industrial Development Zone"}
    assert chinese_outside_quotes(render_html(brief)) == []
    with pytest.raises(BriefError, match="no indicator"):
        make_indicator_brief(conn(db), "没有这个指标")


def test_the_kinds_exclude_each_other() -> None:
    with pytest.raises(BriefError, match="not both"):
        BriefRequest(since="2022-01-01", since_article="1").check()
    with pytest.raises(BriefError, match="indicator brief"):
        BriefRequest(since="2022-01-01", indicator="gdp").check()


@pytest.mark.parametrize("kind", [dict(), dict(since="2022-01-01"), dict(indicator="operating_revenue")])
def test_english_briefs_keep_chinese_to_quotes(db: Path, kind: dict[str, str]) -> None:
    brief = build(conn(db), BriefRequest(region=ZONE if "indicator" not in kind else None, lang="en", **kind))
    assert chinese_outside_quotes(render_html(brief)) == []


# ---------------------------------------------------------------- the PDFs

KINDS = {
    "zone": ["--region", ZONE],
    "changes": ["--region", ZONE, "--since", "2022-03-01"],
    "indicator": ["--indicator", "signed_projects_investment"],
    "changes-en": ["--region", ZONE, "--since-article", "渤海晨报/2022-01-18_kfq_2021", "--lang", "en"],
}


@pytest.fixture(scope="module")
def pdfs(db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pdfs")
    made = {}
    for name, args in KINDS.items():
        pdf = out / f"{name}.pdf"
        result = CliRunner().invoke(cli, ["brief", "--db", str(db), "-o", str(pdf), *args])
        assert result.exit_code == 0, result.output
        made[name] = pdf
    return made


@pytest.mark.slow
@needs_poppler
def test_pdfs_embed_their_fonts_and_are_saved_as_pages(pdfs: dict[str, Path]) -> None:
    for name, pdf in pdfs.items():
        fonts = fonts_embedded(pdf)
        assert fonts and all(embedded for _, embedded in fonts), (name, fonts)
        assert any("CJK" in f or "Noto" in f for f, _ in fonts)
        pages = save_pages(pdf, f"brief-{name}")
        assert pages and all(p.stat().st_size > 3000 for p in pages)


@pytest.mark.slow
@needs_poppler
def test_zone_pdf_text_and_one_page_per_sector(pdfs: dict[str, Path], db: Path) -> None:
    pages = pdf_pages(pdfs["zone"])
    text = "\n".join(pages)
    assert re.search(r"核心指标", text) and re.search(r"505\.6亿元", text)
    assert "指标走势" in text and "单位:亿元" in squeeze(text)
    assert re.search(r"营业收入\s+500亿元\[\d\]\s+2021年\s+505\.6亿元", text), text
    # Each sector's table sits on one page: its heading and its last row on the same page.
    brief = build(conn(db), BriefRequest(region=ZONE))
    for s in (s for s in brief.sections if s.kind == "sector"):
        last = f"F{s.data.rows[-1].number}"
        on = [i for i, p in enumerate(pages) if re.search(rf"(?m)^\s*{re.escape(s.title)}\s+\d+ 条", p)]
        assert on and re.search(rf"(?m)^\s*{last}\s", pages[on[0]]), (s.title, on)
    values = [r.value for s in brief.sections if s.kind == "sector" for r in s.data.rows]
    assert lines_break_no_value(pdfs["zone"], values) == []


@pytest.mark.slow
@needs_poppler
def test_change_pdf_says_what_is_new(pdfs: dict[str, Path]) -> None:
    text = pdf_text(pdfs["changes"])
    for words in ("变化简报", "新指标", "新时期", "修订", "与他报不一致", "目标进展", "已达到", "资料来源", "港城晚报"):
        assert words in text, words
    assert re.search(r"505\.6亿元\[\d\]\s+488\.2亿元\[\d\]", text), text
    assert "content_" not in text


@pytest.mark.slow
@needs_poppler
def test_english_change_pdf_is_english_but_for_quotes(pdfs: dict[str, Path], db: Path) -> None:
    brief = build(conn(db), BriefRequest(region=ZONE, lang="en", since_article="渤海晨报/2022-01-18_kfq_2021"))
    assert pdf_chinese_not_quoted(pdfs["changes-en"], render_html(brief)) == []
    text = pdf_text(pdfs["changes-en"])
    for words in ("Change Brief", "New periods", "Revised values", "Conflicting values", "missed", "reached",
                  "billion yuan", "year on year"):
        assert words in text, words


@pytest.mark.slow
@needs_poppler
def test_indicator_pdf_has_definition_chart_and_every_source(pdfs: dict[str, Path]) -> None:
    text = pdf_text(pdfs["indicator"])
    squeezed = squeeze(text)
    assert "指标简报" in text and "measure 项目总投资; stage 签约" in text   # the catalog's definition
    assert "分地区走势" in text and "沧州高新技术产业开发区" in text and "单位:亿元" in squeezed
    for paper in ("渤海晨报", "运河周刊", "沧州日报", "港城晚报"):
        assert paper in text
    assert re.search(r"采用\s*270\.5亿元", text) and re.search(r"另报\s*263\.9亿元", text)


@pytest.mark.slow
def test_cli_change_brief_with_nothing_new_is_one_line(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "none.pdf"
    result = CliRunner().invoke(cli, ["brief", "--db", str(db), "-o", str(out), "--since", "2030-01-01"])
    assert result.exit_code == 1 and "nothing has changed" in result.output
    assert len(result.output.strip().splitlines()) == 1 and not out.exists()
    both = CliRunner().invoke(cli, ["brief", "--db", str(db), "-o", str(out), "--since", "2022-01-01",
                                    "--indicator", "gdp"])
    assert both.exit_code == 1 and "indicator brief" in both.output

