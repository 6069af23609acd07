"""The English brief says everything in English (sector headings, units, captions, the page of
the paper); Chinese is left only in quotes from the sources, marked lang="zh". And a brief on
a city covers the zones inside it."""
from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from brief_checks import (
    chinese_outside_quotes,
    fonts_embedded,
    lines_break_no_value,
    needs_poppler,
    pdf_chinese_not_quoted,
    pdf_text,
    save_pages,
)
from click.testing import CliRunner

from reports.brief import make_brief
from reports.evidence import edition_label
from reports.render import render_html, write_brief
from zone import cli

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "zone.db"


def _conn(path: Path = SHIPPED) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def test_english_html_has_no_chinese_outside_quotes() -> None:
    brief = make_brief(_conn(), lang="en", today=date(2022, 9, 1))
    html = render_html(brief)
    assert chinese_outside_quotes(html) == []
    assert brief.heading == "Cangzhou Economic Development Zone" and brief.heading_alt == "沧州经济开发区"
    sectors = [s.title for s in brief.sections if s.kind == "sector"]
    assert "Science and innovation" in sectors and "Equipment manufacturing" in sectors
    rows = {r.label: r for s in brief.sections if s.kind == "sector" for r in s.data.rows}
    assert rows["Under negotiation/in reserve total investment of projects"].value == "52.08 billion yuan"
    assert rows["Auto parts enterprises"].value == "41 firms"
    assert rows["Gross industrial output (above designated size)"].value == "about 16.11 billion yuan"
    # Every catalog name is capitalised; a figure with no catalog name keeps its Chinese words, quoted.
    assert all(not r.label[:1].islower() for r in rows.values())
    assert all(r.label_quoted for r in rows.values() if re.search(r"[\u4e00-\u9fff]", r.label))


def test_the_page_of_the_paper_not_a_file_name() -> None:
    assert edition_label("第08版:08", "zh") == "版面 第8版" and edition_label("第08版:08", "en") == "Page 8"
    assert edition_label("第03版:要闻", "zh") == "版面 第3版 要闻" and edition_label("第03版:要闻", "en") == "Page 3"
    html = render_html(make_brief(_conn(), today=date(2022, 9, 1)))
    assert "版面 第8版" in html and "content_66129.html" not in html


@pytest.mark.slow
@needs_poppler
def test_english_pdf_text_is_english_but_for_quotes(tmp_path: Path) -> None:
    pdf = tmp_path / "en.pdf"
    result = write_brief(_conn(), pdf, lang="en")
    html = render_html(make_brief(_conn(), lang="en"))
    assert pdf_chinese_not_quoted(pdf, html) == []
    text = pdf_text(pdf)
    for words in ("Key figures by sector", "Series", "Targets", "Sources", "Appendix", "Page 8",
                  "Hollow points are derived values", "billion yuan", "µg/m³", "Unit: µg/m³", "Page 2 of"):
        assert words in text, words
    assert "content_66129.html" not in text
    assert all(embedded for _, embedded in fonts_embedded(pdf))
    # No value broke inside its number or unit in a table cell.
    brief = make_brief(_conn(), lang="en")
    values = [r.value.split(" ", 1)[-1] if r.value.startswith(("about", "over")) else r.value
              for s in brief.sections if s.kind == "sector" for r in s.data.rows]
    assert lines_break_no_value(pdf, values) == []
    pages = save_pages(pdf, "english")
    assert len(pages) == result.pages


def test_a_city_brief_covers_the_zones_inside_it() -> None:
    brief = make_brief(_conn(), region="沧州市", today=date(2022, 9, 1))
    assert brief.heading == "沧州市" and brief.scope == "含下辖地区:沧州经济开发区"
    rows = [r for s in brief.sections if s.kind == "sector" for r in s.data.rows]
    assert len(rows) > 40 and {r.region for r in rows} == {"沧州经济开发区"}
    series = next(s for s in brief.sections if s.kind == "series").data.blocks
    assert {b.region for b in series} == {"沧州经济开发区"}
    # The same zone's brief by its English name.
    assert make_brief(_conn(), region="Cangzhou Economic Development Zone").heading == "沧州经济开发区"


@pytest.mark.slow
def test_cli_city_brief_writes_a_pdf(tmp_path: Path) -> None:
    out = tmp_path / "city.pdf"
    result = CliRunner().invoke(cli, ["brief", "--db", str(SHIPPED), "-o", str(out), "--region", "沧州市"])
    assert result.exit_code == 0, result.output
    assert "沧州市" in result.output and out.read_bytes().startswith(b"%PDF-")


def test_region_without_figures_in_its_tree_says_so() -> None:
    from reports.queries import BriefError
    from reports.zone_facts import load_zone
    with pytest.raises(BriefError, match="no figures for region 黄骅市"):
        load_zone(_conn(), "黄骅市")


@pytest.mark.parametrize("indicator", ["signed_projects", "air_quality_index"])
def test_english_indicator_brief_defines_the_indicator_in_english(indicator: str) -> None:
    from reports.indicator_brief import make_indicator_brief

    brief = make_indicator_brief(_conn(), indicator, lang="en", today=date(2022, 9, 1))
    definition = next(s.data for s in brief.sections if s.kind == "definition")
    assert definition.definition and not re.search(r"[\u4e00-\u9fff]", definition.definition)
    assert definition.definition.startswith(definition.name)
    assert chinese_outside_quotes(render_html(brief)) == []
    chinese = make_indicator_brief(_conn(), indicator, lang="zh", today=date(2022, 9, 1))
    assert re.search(r"[\u4e00-\u9fff]", next(s.data for s in chinese.sections if s.kind == "definition").definition)
