"""One sector vocabulary (the catalog's ``sectors`` list), shared by the catalog, the
extractor's guesses and the brief; the brief files every figure under its indicator's sector
and shows one number per fact."""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest.catalog import catalog
from reports.brief import make_brief
from track.sectors import OTHER, sectors
from zone import cli

REPO = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u3400-\u9fff]")


def test_every_catalog_sector_and_industry_is_in_the_vocabulary() -> None:
    vocabulary = sectors()
    names = {s.name for s in vocabulary.sectors}
    cat = catalog()
    # every indicator's sector is a name of the vocabulary or an alias of one
    assert {i.sector for i in cat.indicators.values()} <= set(vocabulary.names)
    assert OTHER in names
    assert all(s.name_en and not CJK.search(s.name_en) for s in vocabulary.sectors)


def test_every_sector_the_extractor_guesses_files_under_the_vocabulary() -> None:
    from ingest.extract import SECTORS
    vocabulary = sectors()
    assert {name for name, _ in SECTORS} <= set(vocabulary.names)
    assert vocabulary.canonical("高端装备") == "装备制造"
    assert vocabulary.canonical("") == OTHER and vocabulary.canonical("没有这个领域") == OTHER


def test_english_indicator_names_start_with_a_capital() -> None:
    lower = [i.id for i in catalog().indicators.values() if not i.name_en.lstrip('"“')[:1].isupper()]
    assert not lower


def _conn(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def test_shipped_brief_files_each_figure_under_its_indicators_sector() -> None:
    conn = _conn(REPO / "zone.db")
    indicator_sector = dict(conn.execute("SELECT id, sector FROM indicator"))
    brief = make_brief(conn)
    linked = dict(conn.execute("SELECT id, indicator_id FROM figure WHERE indicator_id IS NOT NULL"))
    checked = 0
    for section in (s for s in brief.sections if s.kind == "sector"):
        for row in section.data.rows:
            if row.figure_id in linked:
                assert section.title == sectors().canonical(indicator_sector[linked[row.figure_id]]), row
                checked += 1
    assert checked > 40
    titles = {s.title: s for s in brief.sections if s.kind == "sector"}
    # The platforms, incubators and talent of the issue are no longer filed under an industry.
    innovation = {r.label for r in titles["科技创新"].data.rows}
    assert {"国家级科技企业孵化器和众创空间数", "科技企业孵化器和众创空间数", "研发平台数"} <= innovation
    assert {r.value for r in titles["人才"].data.rows} == {"49名", "128名"}
    assert "高端装备" not in titles


def test_one_number_per_fact_in_the_shipped_brief() -> None:
    brief = make_brief(_conn(REPO / "zone.db"))
    rows = [r for s in brief.sections if s.kind == "sector" for r in s.data.rows]
    derived = next(r for r in rows if r.label == "规上工业总产值")
    # The derived total: one value, rounded once, with the figures it comes from; no formula.
    assert derived.value == "约161.1亿元" and "推算" in derived.tags and len(derived.derived_from) == 2
    assert all("÷" not in r.value and "≈" not in r.value for r in rows)
    assert next(r for r in rows if r.label == "储备在谈项目总投资").value == "520.8亿元"


ARTICLE = """---
title: 开发区工业稳步增长
date: 2022-02-10
source: 渤海晨报
region: 沧州经济开发区
---

2021年装备制造产业实现产值45亿元，占全部规上工业企业总产值的25%。

2021年开发区规上工业总产值150亿元。
"""


def test_a_derived_figure_is_not_shown_beside_the_reported_one_it_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "a.md").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "zone.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT count(*) FROM figure WHERE origin = 'derived'").fetchone() == (1,)
    brief = make_brief(_conn(db))
    rows = [r for s in brief.sections if s.kind == "sector" for r in s.data.rows]
    output = [r for r in rows if r.label == "规上工业总产值"]
    assert [r.value for r in output] == ["150亿元"]           # the reported value only, not 约180亿元 beside it
    assert not any("推算" in r.tags for r in rows)


@pytest.mark.parametrize("name", ["经济总量", "其他"])
def test_sector_names_in_english(name: str) -> None:
    assert not CJK.search(sectors().shown(name, "en"))
