"""The indicator and region catalog, and linking figures to it (hand-made figures: no extractor)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.catalog import (CatalogError, apply_catalog, catalog, detect_region, link_figures, load_catalog,
                            match_text)
from ingest.model import Article, Figure, Paragraph


def make_article(paragraphs: list[str], title: str = "沧州经济开发区上半年经济运行平稳", region: str | None = None) -> Article:
    source = title + "\n\n" + "\n\n".join(paragraphs)
    paras, offset = [], len(title) + 2
    for i, text in enumerate(paragraphs, 1):
        paras.append(Paragraph(i, text, tuple(range(offset, offset + len(text)))))
        offset += len(text) + 2
    return Article(path="t.txt", source=source, encoding="utf-8", sha256="0" * 64, format="text",
                   published=date(2021, 7, 20), title=title, source_id="test/1", paragraphs=paras, region=region)


def figures_in(article: Article, specs: list[tuple[str, float, str, str]]) -> list[Figure]:
    """Figures for (text, value, unit, kind), found in order in the article's paragraphs."""
    out: list[Figure] = []
    cursor: dict[int, int] = {}
    for text, value, unit, kind in specs:
        for p in article.paragraphs:
            at = p.text.find(text, cursor.get(p.index, 0))
            if at >= 0:
                break
        else:
            raise AssertionError(f"{text} not in article")
        cursor[p.index] = at + len(text)
        s0 = max(p.text.rfind(c, 0, at) for c in "。；") + 1
        ends = [i for i in (p.text.find(c, at) for c in "。；") if i >= 0]
        s1 = min(ends) + 1 if ends else len(p.text)
        start = p.offsets[at]
        out.append(Figure(start=start, end=start + len(text), text=text, value=value, unit=unit, kind=kind,
                          direction="up" if kind == "change" else None, paragraph=p.index,
                          sentence=p.text[s0:s1], sentence_start=p.offsets[s0], sentence_end=p.offsets[s1 - 1] + 1))
    return out


def test_catalog_is_consistent():
    cat = catalog()
    assert len(cat.indicators) >= 100
    for ind in cat.indicators.values():
        assert ind.name and ind.name_en and ind.sector and ind.definition, ind.id
        assert ind.rule.any, ind.id
    for name, region in cat.regions.items():
        assert region.parent is None or region.parent in cat.regions, name
    assert cat.region_name("沧州经开区") == "沧州经济开发区"
    assert cat.region_name("沧州开发区") == "沧州经济开发区"
    assert [r.name for r in cat.ancestors("沧州经济开发区")] == ["沧州经济开发区", "沧州市", "河北省", "中国"]
    # Every indicator the issue names as usual for development zones is there.
    for ident in ("industrial_output", "industrial_value_added", "operating_revenue", "tax_revenue", "fiscal_revenue",
                  "general_budget_revenue", "fixed_asset_investment", "actual_fdi", "foreign_trade", "signed_projects",
                  "started_projects", "completed_projects", "signed_projects_investment", "above_scale_enterprises",
                  "high_tech_enterprises", "specialized_smes", "high_level_talent", "air_quality_index", "pm25",
                  "gdp", "retail_sales"):
        assert ident in cat.indicators, ident


def test_apply_catalog_is_idempotent(conn):
    assert apply_catalog(conn) is True
    first = (conn.execute("SELECT * FROM indicator ORDER BY id").fetchall(),
             conn.execute("SELECT * FROM region ORDER BY id").fetchall())
    assert apply_catalog(conn) is False
    conn.execute("DELETE FROM catalog_state")
    assert apply_catalog(conn) is True   # forced again: upserts, no duplicates
    again = (conn.execute("SELECT * FROM indicator ORDER BY id").fetchall(),
             conn.execute("SELECT * FROM region ORDER BY id").fetchall())
    assert first == again
    assert len(first[0]) == len(catalog().indicators)
    parent = conn.execute("SELECT p.name FROM region r JOIN region p ON p.id = r.parent_id WHERE r.name = '沧州经济开发区'")
    assert parent.fetchone() == ("沧州市",)


def test_bad_catalog_names_the_file(tmp_path: Path):
    bad = tmp_path / "indicators.yaml"
    bad.write_text("indicators:\n  - id: x\n    name: 甲\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="indicators.yaml.*missing 'name_en'"):
        load_catalog(bad)
    bad.write_text("indicators: [\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="indicators.yaml: not valid YAML"):
        load_catalog(bad)


def test_words_before_the_number_pick_the_indicator():
    article = make_article(["今年以来，全区新签约项目61个，总投资345.2亿元；储备在谈项目120个，总投资610亿元。"])
    figs = link_figures(article, figures_in(article, [("61个", 61, "个", "level"), ("345.2亿元", 3.452e10, "元", "level"),
                                                     ("120个", 120, "个", "level"), ("610亿元", 6.1e10, "元", "level")]))
    assert [f.indicator for f in figs] == ["signed_projects", "signed_projects_investment",
                                            "reserve_projects", "reserve_projects_investment"]
    assert {f.region for f in figs} == {"沧州经济开发区"}


def test_noun_after_the_classifier_wins_over_the_sentence():
    article = make_article(["目前，区内共集聚了包括35名博士在内的210名高层次人才，新建口袋公园4个。"])
    figs = link_figures(article, figures_in(article, [("35名", 35, "名", "level"), ("210名", 210, "名", "level"),
                                                     ("4个", 4, "个", "level")]))
    assert [f.indicator for f in figs] == ["doctoral_talent", "high_level_talent", "pocket_parks"]


def test_industry_comes_from_the_paragraph_topic():
    article = make_article(["生物医药产业快速成长。园区现有医药生产企业18家，去年贡献产值合计9.5亿元。",
                            "全区规模以上工业企业达到160家。"])
    figs = link_figures(article, figures_in(article, [("18家", 18, "家", "level"), ("9.5亿元", 9.5e8, "元", "level"),
                                                     ("160家", 160, "家", "level")]))
    assert [f.indicator for f in figs] == ["pharma_manufacturers", "pharma_output", "above_scale_enterprises"]


def test_region_named_at_clause_start_and_titles_that_are_not_places():
    article = make_article(["上半年，全市规模以上工业增加值同比增长6.1%，开发区增长9.8%。",
                            "目前拥有河北省高新技术企业12家。",
                            "今年上半年，全市9个省级以上开发区主要指标较快增长。共实现营业收入1102.5亿元。"])
    specs = [("6.1%", 6.1, "%", "change"), ("9.8%", 9.8, "%", "change"), ("12家", 12, "家", "level"),
             ("9个", 9, "个", "level"), ("1102.5亿元", 1.1025e11, "元", "level")]
    figs = link_figures(article, figures_in(article, specs))
    assert [f.region for f in figs] == ["沧州市", "沧州经济开发区", "沧州经济开发区", "沧州市", "沧州市开发区"]
    assert figs[0].indicator == "industrial_value_added"
    assert figs[2].indicator == "high_tech_enterprises"
    assert figs[4].indicator == "operating_revenue"


def test_a_change_takes_the_indicator_of_the_level_before_it():
    article = make_article(["全区实现一般公共预算收入8.6亿元，同比增长12.4%。"])
    figs = link_figures(article, figures_in(article, [("8.6亿元", 8.6e8, "元", "level"), ("12.4%", 12.4, "%", "change")]))
    assert [f.indicator for f in figs] == ["general_budget_revenue", "general_budget_revenue"]


def test_growth_rate_changes_in_points_stay_off_a_money_indicator():
    article = make_article(["全区完成固定资产投资40亿元，增速比去年同期提高2.5个百分点。"])
    figs = link_figures(article, figures_in(article, [("40亿元", 4e9, "元", "level"), ("2.5个百分点", 2.5, "百分点", "change")]))
    assert figs[0].indicator == "fixed_asset_investment"
    assert figs[1].indicator is None


def test_figure_that_matches_nothing_stays_unlinked():
    article = make_article(["围绕产业端、科研端、运营端3个方向精准招商。"])
    figs = link_figures(article, figures_in(article, [("3个", 3, "个", "level")]))
    assert figs[0].indicator is None
    assert figs[0].region == "沧州经济开发区"


def test_article_region_from_title_and_body_or_given():
    article = make_article(["沧州临港经济技术开发区今年以来签约项目9个。临港经济技术开发区还将继续招商。"],
                           title="临港经济技术开发区招商引资成效明显")
    assert detect_region(article) == "沧州临港经济技术开发区"
    given = make_article(["全区签约项目9个。"], region="沧州开发区")
    link_figures(given, [])
    assert given.region == "沧州经济开发区"


def test_match_text_names_the_whole_of_a_share():
    cat = catalog()
    assert match_text(cat, "全部规上工业企业总产值的", "元") == "industrial_output"
    assert match_text(cat, "全部投资的", "元") is None


def test_link_records_its_rival_and_margin_for_the_review_queue():
    from ingest.catalog import candidates, figure_contexts
    article = make_article(["今年前三季度，园区实际利用外资0.87亿美元，同比增长15.2%。",
                            "园区新签约项目12个，其中亿元以上项目5个。"])
    figures = link_figures(article, figures_in(article, [
        ("0.87亿美元", 0.87e8, "美元", "level"), ("15.2%", 15.2, "%", "change"),
        ("12个", 12, "个", "level"), ("5个", 5, "个", "level")]))
    linked = {f.text: (f.indicator, f.link_rival, f.link_margin) for f in figures}
    # Only the dollar indicator takes dollars: no doubt.
    assert linked["0.87亿美元"] == ("actual_fdi", None, None)
    assert linked["12个"] == ("signed_projects", None, None)
    # A growth rate fits foreign investment in dollars and in yuan alike: a tie, for a person to settle.
    assert linked["15.2%"] == ("actual_fdi", "actual_fdi_cny", 0.0)
    # 亿元以上项目 also reads as signed projects, far behind: the margin is the score difference.
    ind, rival, margin = linked["5个"]
    assert (ind, rival) == ("large_projects", "signed_projects") and margin is not None and margin > 100
    ctx = figure_contexts(figures, {p.index: p.text for p in article.paragraphs})[3][0]
    scores = {m.indicator: m.score for m in candidates(catalog(), ctx)}
    assert margin == scores["large_projects"] - scores["signed_projects"]


def test_the_citys_short_name_in_an_article_about_one_of_its_zones_names_the_zone():
    article = make_article(["近年来，沧州坚持项目为王，今年以来引进项目56个。全市规模以上工业增加值增长6.1%。"])
    figs = link_figures(article, figures_in(article, [("56个", 56, "个", "level"), ("6.1%", 6.1, "%", "change")]))
    assert [f.region for f in figs] == ["沧州经济开发区", "沧州市"]
