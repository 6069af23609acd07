"""The indicator catalog and linking figures to it (hand-made figures: no extractor).

Every test here states a behaviour of ingest/catalog that would break without the rule it
names: composed indicators, linking by dimensions with evidence, the separations the
conventions ask for (其中 subsets, stages, 拉动 vs 占比, totals vs increments), and the
catalog files checked on load.
"""
from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest.catalog import (
    DIMENSIONS_PATH,
    INDICATORS_PATH,
    NATIONAL_REGIONS_PATH,
    REGIONS_PATH,
    CatalogError,
    Key,
    apply_catalog,
    catalog,
    figure_contexts,
    link_figures,
    load_catalog,
    match_text,
)
from ingest.model import Article, Figure, Paragraph

# Every id of the catalog before it was composed from dimensions: the committed database
# and reviews may refer to any of them.
LEGACY_IDS = """
    above_scale_enterprises actual_fdi actual_fdi_cny admin_approvals_handled air_quality_index
    auto_above_scale_enterprises auto_enterprises auto_high_tech_enterprises auto_output auto_output_share
    auto_parts_enterprises auto_project_investment auto_revenue auto_specialized_sme auto_total_assets
    auto_value_added built_up_area bus_coverage_radius bus_routes chemicals_above_scale_enterprises
    chemicals_enterprises chemicals_high_tech_enterprises chemicals_output chemicals_output_share
    chemicals_project_investment chemicals_revenue chemicals_specialized_sme chemicals_total_assets
    chemicals_value_added cleaning_area coal_boilers_removed completed_projects completed_projects_investment
    construction_waste_removed contracted_foreign_investment delegated_approval_powers development_zones
    doctoral_talent domestic_capital door_to_door_waste_roads eco_positive_list_enterprises
    electronics_above_scale_enterprises electronics_enterprises electronics_high_tech_enterprises
    electronics_output electronics_output_share electronics_project_investment electronics_revenue
    electronics_specialized_sme electronics_total_assets electronics_value_added employment energy_intensity
    enterprise_problems_solved enterprises_supported enterprises_visited equipment_above_scale_enterprises
    equipment_enterprises equipment_high_tech_enterprises equipment_output equipment_output_share
    equipment_project_investment equipment_revenue equipment_specialized_sme equipment_total_assets
    equipment_value_added exports exports_usd fai_share_of_city famous_trademarks fiscal_revenue
    fixed_asset_investment food_above_scale_enterprises food_enterprises food_high_tech_enterprises food_output
    food_output_share food_project_investment food_revenue food_specialized_sme food_total_assets food_value_added
    foreign_funded_enterprises foreign_funded_projects foreign_trade foreign_trade_usd gdp gdp_per_capita
    general_budget_revenue good_air_days good_air_days_ratio gov_services_handled green_area high_level_talent
    high_tech_enterprises high_tech_industry_va illegal_buildings_area incubators industrial_design_centers
    industrial_investment industrial_investment_share industrial_output industrial_parks industrial_value_added
    invention_patents investment_completed key_projects key_projects_investment large_projects
    large_projects_investment listed_companies little_giants livelihood_programs livelihood_projects
    logistics_above_scale_enterprises logistics_enterprises logistics_high_tech_enterprises logistics_output
    logistics_output_share logistics_project_investment logistics_revenue logistics_specialized_sme
    logistics_total_assets logistics_value_added market_entities mechanized_cleaning_length
    mechanized_cleaning_rate national_incubators national_testing_centers new_energy_above_scale_enterprises
    new_energy_enterprises new_energy_high_tech_enterprises new_energy_output new_energy_output_share
    new_energy_project_investment new_energy_revenue new_energy_specialized_sme new_energy_total_assets
    new_energy_value_added new_materials_above_scale_enterprises new_materials_enterprises
    new_materials_high_tech_enterprises new_materials_output new_materials_output_share
    new_materials_project_investment new_materials_projects_signed_or_negotiating
    new_materials_projects_under_construction new_materials_reserve_projects new_materials_revenue
    new_materials_specialized_sme new_materials_total_assets new_materials_value_added online_tax_cases
    operating_revenue patent_applications pharma_above_scale_enterprises pharma_distribution_revenue
    pharma_distributors pharma_enterprises pharma_high_tech_enterprises pharma_manufacturers
    pharma_market_entities pharma_output pharma_output_share pharma_project_investment pharma_revenue
    pharma_specialized_sme pharma_total_assets pharma_value_added pipeline_above_scale_enterprises
    pipeline_capacity pipeline_enterprises pipeline_high_tech_enterprises pipeline_output pipeline_output_share
    pipeline_production_lines pipeline_project_investment pipeline_revenue pipeline_specialized_sme
    pipeline_total_assets pipeline_value_added planned_area pm10 pm25 pocket_park_area pocket_parks population
    primary_industry_va projects_under_construction projects_under_construction_investment rd_intensity
    rd_platforms reserve_projects reserve_projects_investment retail_sales retail_sales_above_quota
    secondary_industry_va settled_enterprises shantytown_projects signed_projects signed_projects_investment
    single_champions specialized_sme_demo specialized_smes standards_drafted started_projects
    started_projects_investment steel_pipe_output talent_introduced tax_revenue tax_share_of_revenue
    tech_innovation_centers tech_renovation_funds tech_smes tertiary_industry_va top_ranked_enterprises
    trees_planted turf_area urban_village_projects urbanization_rate vehicle_capacity vehicle_output
    waste_sorting_bins waste_sorting_communities water_quality_class workforce
""".split()


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


def link(paragraphs: list[str], specs: list[tuple[str, float, str, str]], **kw) -> list[Figure]:
    article = make_article(paragraphs, **kw)
    return link_figures(article, figures_in(article, specs))


def ids(figures: list[Figure]) -> list[str | None]:
    return [f.indicator for f in figures]


# ---------------------------------------------------------------------------- the catalog

def test_every_indicator_is_a_combination_with_names_and_a_source():
    cat = catalog()
    assert len(cat.indicators) >= 300
    for ind in cat.indicators.values():
        assert ind.name and ind.name_en and ind.sector and ind.definition and ind.source, ind.id
        assert cat.by_key[ind.key] == ind.id
        assert ind.key.measure in cat.measures
    # Names and sources come from the statistics: 统计公报 wording, GB/T 4754-2017 for industries.
    assert cat.indicators["industrial_value_added"].key == Key("value_added", "industry", ("above_scale",))
    assert cat.indicators["auto_parts_enterprises"].key == Key("enterprises", "auto_parts")
    assert "C3670" in cat.indicators["auto_parts_enterprises"].source + cat.scopes["auto_parts"].code
    assert "统计公报" in cat.indicators["gdp"].source


def test_the_ids_of_the_old_catalog_survive_or_name_their_replacement():
    cat = catalog()
    assert len(LEGACY_IDS) == 226
    for ident in LEGACY_IDS:
        assert ident in cat.indicators or ident in cat.retired, ident
    for ident, (now, why) in cat.retired.items():
        assert now is None or now in cat.indicators, ident
        assert why, ident
    # Entries that existed for one sentence of the seed are retired, with the reason.
    assert {"enterprise_problems_solved", "enterprises_supported", "enterprises_visited"} <= set(cat.retired)


def test_compose_families_name_every_industry_by_the_same_pattern():
    cat = catalog()
    # The ten industries the catalog had templates for keep their ids …
    for scope in ("auto", "pipeline", "pharma", "new_materials"):
        assert cat.by_key[Key("output", scope)] == f"{scope}_output"
        assert cat.by_key[Key("output", scope, form="share")] == f"{scope}_output_share"
        assert cat.by_key[Key("enterprises", scope, ("specialized",))] == f"{scope}_specialized_sme"
    # … and every other industry of the classification gets the same measures.
    assert cat.by_key[Key("value_added", "lithium_batteries")] == "lithium_batteries_value_added"
    assert cat.indicators["lithium_batteries_value_added"].name == "锂离子电池制造增加值"
    assert cat.by_key[Key("projects", "chemicals", (), ("started",))] == "chemicals_started_projects"


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
    source = conn.execute("SELECT definition FROM indicator WHERE id = 'gdp'").fetchone()[0]
    assert "Source: 统计公报" in source


# ---------------------------------------------------------------------------- checked on load

def _copy_catalog(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, path in (("dimensions", DIMENSIONS_PATH), ("indicators", INDICATORS_PATH), ("regions", REGIONS_PATH),
                       ("national", NATIONAL_REGIONS_PATH)):
        out[name] = tmp_path / path.name
        shutil.copy(path, out[name])
    return out


def _load(files: dict[str, Path]):
    return load_catalog(files["indicators"], files["regions"], files["dimensions"], files["national"])


@pytest.mark.parametrize("name, old, new, message", [
    ("indicators", "- {id: gdp, measure: gdp}", "- {id: gdp, measure: gpd}",
     r"indicators\.yaml: indicators\[0\] \(gdp\): unknown measure 'gpd'"),
    ("indicators", "- {id: gdp, measure: gdp}", "- {id: gdp2, measure: gdp}\n  - {id: gdp, measure: gdp}",
     r"indicators\[1\] \(gdp\): 'gdp' is the same combination as 'gdp2'"),
    ("indicators", "- {id: gdp, measure: gdp}", "- {id: gdp, measure: gdp, class: [above_scale]}",
     r"indicators\[0\] \(gdp\): class 'above_scale' does not apply to measure 'gdp'"),
    ("indicators", "- {id: gdp, measure: gdp}", "- {id: GDP, measure: gdp}",
     r"indicators\[0\] \(GDP\): id 'GDP' must be a lower-case slug"),
    ("indicators", "- {id: steel_pipe_output, now: null,", "- {id: steel_pipe_output, now: no_such_id,",
     r"retired\[0\] \(steel_pipe_output\): replacement 'no_such_id' is not an indicator"),
    ("dimensions", "words: [增加值], source:", "words: [增加值, 产值], source:",
     r"dimensions\.yaml: measures\[2\] \(value_added\): word '产值' already names measure 'output'|"
     r"dimensions\.yaml: measures\[3\] \(output\): word '产值' already names measure 'value_added'"),
    ("dimensions", ' source: "统计公报 人均地区生产总值"}', "}",
     r"dimensions\.yaml: measures\[1\] \(gdp_per_capita\): missing 'source'"),
    ("dimensions", "parent: auto, code: C3670", "parent: autos, code: C3670",
     r"scopes\[\d+\] \(auto_parts\): parent 'autos' must be a scope listed above it"),
    ("regions", "parent: 沧州市}", "parent: 沧洲市}",
     r"regions\.yaml: \[\d+\] \(运河区\): parent '沧洲市' must be listed above"),
    ("regions", "aliases: [沧州开发区, 沧州经开区", "aliases: [沧州高新区, 沧州开发区, 沧州经开区",
     r"alias '沧州高新区' names both"),
    ("national", "name_en: Hebei", "name_en: Hebei\n    municipal: true",
     r"regions_cn\.yaml: provinces\[2\] \(河北省\): unknown keys \['municipal'\]"),
])
def test_a_bad_catalog_file_gives_one_line_naming_the_file_and_the_entry(tmp_path, name, old, new, message):
    files = _copy_catalog(tmp_path)
    text = files[name].read_text(encoding="utf-8")
    assert old in text, old
    files[name].write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        _load(files)
    assert "\n" not in str(err.value)
    assert re.search(message, str(err.value)), str(err.value)


def test_the_shipped_files_load_and_bad_yaml_is_named(tmp_path):
    files = _copy_catalog(tmp_path)
    assert _load(files).indicators
    files["indicators"].write_text("indicators: [\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="indicators.yaml: not valid YAML"):
        _load(files)


# ---------------------------------------------------------------------------- linking by dimensions

def test_words_before_the_number_pick_the_indicator():
    figs = link(["今年以来，全区新签约项目61个，总投资345.2亿元；储备在谈项目120个，总投资610亿元。"],
                [("61个", 61, "个", "level"), ("345.2亿元", 3.452e10, "元", "level"),
                 ("120个", 120, "个", "level"), ("610亿元", 6.1e10, "元", "level")])
    assert ids(figs) == ["signed_projects", "signed_projects_investment", "reserve_projects", "reserve_projects_investment"]
    assert {f.region for f in figs} == {"沧州经济开发区"}


def test_the_stage_of_counted_projects_carries_to_their_investment_and_shows_in_the_evidence():
    figs = link(["目前完成签约项目56个，总投资270.883亿元。"], [("56个", 56, "个", "level"), ("270.883亿元", 2.70883e10, "元", "level")])
    assert ids(figs) == ["signed_projects", "signed_projects_investment"]
    assert "measure=总投资[before]" in figs[1].link_evidence and "stage=签约[previous figure]" in figs[1].link_evidence
    assert figs[1].link_evidence.endswith("-> signed_projects_investment")
    # The investment of one named project is no series.
    figs = link(["总投资6.4亿元的河北海特伟业石化有限公司智能服务中心项目开工。"], [("6.4亿元", 6.4e8, "元", "level")])
    assert ids(figs) == [None] and "one named project" in figs[0].link_evidence


def test_stages_never_share_an_indicator():
    figs = link(["全区签约项目56个；入驻项目12个；在谈项目30个；储备项目20个；储备在谈项目200余个；新开工项目9个。"],
                [("56个", 56, "个", "level"), ("12个", 12, "个", "level"), ("30个", 30, "个", "level"),
                 ("20个", 20, "个", "level"), ("200余个", 200, "个", "level"), ("9个", 9, "个", "level")])
    assert ids(figs) == ["signed_projects", "settled_projects", "negotiating_projects", "projects_in_reserve",
                         "reserve_projects", "started_projects"]


def test_a_qizhong_subset_never_takes_the_indicator_of_its_total():
    figs = link(["全区固定资产投资增长5.3%，其中建设项目固定资产投资增长6.2%。"],
                [("5.3%", 5.3, "%", "change"), ("6.2%", 6.2, "%", "change")])
    assert ids(figs) == ["fixed_asset_investment", None]
    assert "其中 subset" in figs[1].link_evidence
    # A subset with words of its own is another indicator.
    figs = link(["园区新签约项目12个，其中亿元以上项目5个。"], [("12个", 12, "个", "level"), ("5个", 5, "个", "level")])
    assert ids(figs) == ["signed_projects", "signed_large_projects"]


def test_pull_share_and_contribution_are_three_indicators():
    figs = link(["服务业占GDP的比重达49.5%，对经济增长的贡献率达到69.6%，拉动经济增长4.4个百分点。"],
                [("49.5%", 49.5, "%", "share"), ("69.6%", 69.6, "%", "share"), ("4.4个百分点", 4.4, "百分点", "change")])
    assert ids(figs) == ["tertiary_value_added_share", "tertiary_value_added_contribution", "tertiary_value_added_pull"]


def test_a_total_and_its_increment_are_two_indicators():
    figs = link(["全区高新技术企业总数达到1200家，其中今年新增高新技术企业150家。"],
                [("1200家", 1200, "家", "level"), ("150家", 150, "家", "level")])
    assert ids(figs) == ["high_tech_enterprises", "high_tech_enterprises_added"]


def test_a_change_takes_the_indicator_of_the_level_before_it_and_keeps_its_kind():
    figs = link(["全区实现一般公共预算收入8.6亿元，同比增长12.4%。"],
                [("8.6亿元", 8.6e8, "元", "level"), ("12.4%", 12.4, "%", "change")])
    assert ids(figs) == ["general_budget_revenue", "general_budget_revenue"]
    assert [f.kind for f in figs] == ["level", "change"]     # two series: the view is keyed on the kind
    assert "[previous figure]" in figs[1].link_evidence


def test_changes_of_a_growth_rate_and_gaps_stay_unlinked():
    figs = link(["全区完成固定资产投资40亿元，增速比去年同期提高2.5个百分点。",
                 "高新技术产业增加值同比增长49.3%，比去年同期提高87.1%，高出规模以上工业增加值增速28.7%。"],
                [("40亿元", 4e9, "元", "level"), ("2.5个百分点", 2.5, "百分点", "change"),
                 ("49.3%", 49.3, "%", "change"), ("87.1%", 87.1, "%", "change"), ("28.7%", 28.7, "%", "change")])
    assert ids(figs) == ["fixed_asset_investment", None, "high_tech_industry_va", None, None]
    assert "gap" in figs[4].link_evidence


def test_general_words_no_longer_send_sentences_to_one_sentence_indicators():
    figs = link(["全区共有重点企业45家。累计建成标准厂房12个。群众反映问题120个。共走访、座谈60余家企业。"],
                [("45家", 45, "家", "level"), ("12个", 12, "个", "level"), ("120个", 120, "个", "level"),
                 ("60余家", 60, "家", "level")])
    assert ids(figs) == [None, "standard_factories", None, None]
    assert "candidates: settled_enterprises" in figs[0].link_evidence
    assert "走访" in figs[3].link_evidence


def test_an_undecidable_figure_stays_unlinked_with_its_closest_candidates():
    figs = link(["2018年，开发区汽车产业实现利润总额5.2亿元。"], [("5.2亿元", 5.2e8, "元", "level")])
    assert figs[0].indicator is None
    evidence = figs[0].link_evidence
    assert evidence.startswith("unlinked: no indicator for profit/auto/-/-/-")
    assert "candidates: profit, above_scale_profit, industrial_profit" in evidence


def test_traditional_characters_link_like_simplified():
    figs = link(["今年以來，全區簽約項目56個，總投資270億元。"], [("56個", 56, "个", "level"), ("270億元", 2.7e10, "元", "level")])
    assert ids(figs) == ["signed_projects", "signed_projects_investment"]


def test_a_list_before_fenbie_gives_each_figure_its_own_item():
    figs = link(["全口径财政收入、一般预算财政收入分别实现550.7亿元和95.8亿元，按可比口径分别增长20.1%和12.1%。"],
                [("550.7亿元", 5.507e10, "元", "level"), ("95.8亿元", 9.58e9, "元", "level"),
                 ("20.1%", 20.1, "%", "change"), ("12.1%", 12.1, "%", "change")])
    assert ids(figs) == ["fiscal_revenue", "general_budget_revenue", "fiscal_revenue", "general_budget_revenue"]


def test_what_a_project_is_to_bring_is_not_the_regions():
    figs = link(["恒祥生项目投产后，年产值将达5.25亿元，安排就业1800人。"],
                [("5.25亿元", 5.25e8, "元", "target"), ("1800人", 1800, "人", "target")])
    assert ids(figs) == [None, None]


def test_the_noun_after_the_classifier_names_what_is_counted():
    figs = link(["目前，区内共集聚了包括35名博士在内的210名高层次人才，新建口袋公园4个。"],
                [("35名", 35, "名", "level"), ("210名", 210, "名", "level"), ("4个", 4, "个", "level")])
    assert ids(figs) == ["doctoral_talent", "high_level_talent", "pocket_parks"]


def test_the_industry_comes_from_the_words_the_previous_figure_or_the_paragraph_topic():
    figs = link(["生物医药产业快速成长。园区现有医药生产企业18家，去年贡献产值合计9.5亿元。",
                 "全区规模以上工业企业达到160家。",
                 "管道装备制造是开发区的主导产业。目前，共有规模以上企业12家，生产线57条。"],
                [("18家", 18, "家", "level"), ("9.5亿元", 9.5e8, "元", "level"), ("160家", 160, "家", "level"),
                 ("12家", 12, "家", "level"), ("57条", 57, "条", "level")])
    assert ids(figs) == ["pharma_manufacturers", "pharma_manufacturing_output", "above_scale_enterprises",
                         "pipeline_above_scale_enterprises", "pipeline_production_lines"]
    # Names before 等 are companies, not the industry counted.
    figs = link(["祥生粮食机械等11家企业成功申报“专精特新”企业。"], [("11家", 11, "家", "level")])
    assert ids(figs) == ["specialized_smes"]


def test_a_guessed_industry_is_a_doubt_for_the_review_queue():
    figs = link(["生物医药产业链式发展。园区拥有单项冠军企业1家、高新技术企业4家。"],
                [("1家", 1, "家", "level"), ("4家", 4, "家", "level")])
    # No indicator for the pharma industry's champions: the paragraph's topic is dropped.
    assert (figs[0].indicator, figs[0].link_rival) == ("single_champions", None)
    assert "no indicator with it" in figs[0].link_evidence
    # One exists for its high-tech enterprises: linked, with the zone-wide one as a close rival.
    assert (figs[1].indicator, figs[1].link_rival) == ("pharma_high_tech_enterprises", "high_tech_enterprises")
    assert figs[1].link_margin is not None and figs[1].link_margin < 15


def test_a_growth_rate_in_yuan_or_dollars_is_for_a_person_to_settle():
    figs = link(["今年前三季度，园区实际利用外资0.87亿美元，同比增长15.2%。", "园区新签约项目12个，总投资36.5亿元。"],
                [("0.87亿美元", 0.87e8, "美元", "level"), ("15.2%", 15.2, "%", "change"),
                 ("12个", 12, "个", "level"), ("36.5亿元", 3.65e9, "元", "level")])
    linked = {f.text: (f.indicator, f.link_rival, f.link_margin) for f in figs}
    assert linked["0.87亿美元"] == ("actual_fdi", None, None)
    assert linked["15.2%"] == ("actual_fdi", "actual_fdi_cny", 0.0)
    assert linked["12个"] == ("signed_projects", None, None)


def test_a_figure_that_names_nothing_stays_unlinked():
    figs = link(["围绕产业端、科研端、运营端3个方向精准招商。"], [("3个", 3, "个", "level")])
    assert figs[0].indicator is None and figs[0].link_evidence == "unlinked: no measure word"
    assert figs[0].region == "沧州经济开发区"


def test_match_text_names_the_whole_of_a_share():
    cat = catalog()
    assert match_text(cat, "全部规上工业企业总产值的", "元") == "industrial_output"
    assert match_text(cat, "全部投资的", "元") is None


def test_contexts_read_the_words_around_each_number():
    article = make_article(["目前完成签约项目56个，总投资270.883亿元。"])
    figs = figures_in(article, [("56个", 56, "个", "level"), ("270.883亿元", 2.70883e10, "元", "level")])
    (ctx1, _, _), (ctx2, _, _) = figure_contexts(figs, {p.index: p.text for p in article.paragraphs})
    assert (ctx1.lead, ctx1.tail, ctx2.lead) == ("目前完成签约项目", "", "总投资")


def test_zone_extract_json_carries_the_link_evidence(tmp_path: Path):
    from zone import cli
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: 开发区综述\ndate: 2022-01-20\nregion: 沧州经济开发区\n---\n\n"
                    "2021年，开发区全年签约项目57个，总投资268.4亿元。\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    rows = {r["text"]: r for r in map(json.loads, result.output.splitlines())}
    assert rows["268.4亿元"]["indicator"] == "signed_projects_investment"
    assert "stage=签约" in rows["268.4亿元"]["link_evidence"]


def test_a_parks_firms_from_beijing_are_one_series_and_their_increment_another():
    figs = link(["截至目前，天津开发区已累计引进北京企业1200余家。上半年，来自北京的企业新落户86家。",
                 "金刚化工、中煤科工等71家北京企业落户。"],
                [("1200余家", 1200, "家", "level"), ("86家", 86, "家", "level"), ("71家", 71, "家", "level")],
                title="天津开发区承接北京非首都功能疏解")
    # 北京 in 北京企业 is where the firms come from, not the region, and not an industry (化工).
    assert ids(figs) == ["beijing_enterprises", "beijing_origin_enterprises_added", "beijing_enterprises"]
    assert {f.region for f in figs} == {"天津经济技术开发区"}


def test_structure_shares_by_sector_with_a_shortened_list():
    figs = link(["与上年比，第一产业占地区生产总值的比重上升3.82个百分点，第二、第三产业占地区生产总值的比重分别回落2.16和1.66个百分点。"],
                [("3.82个百分点", 3.82, "百分点", "change"), ("2.16", 2.16, "百分点", "change"),
                 ("1.66个百分点", 1.66, "百分点", "change")])
    # 占地区生产总值 is a share (not 占地, land), 第二、 is 第二产业.
    assert ids(figs) == ["primary_value_added_share", "secondary_value_added_share", "tertiary_value_added_share"]


def test_a_count_of_something_the_catalog_does_not_know_stays_unlinked():
    figs = link(["其中来自20多个国家和地区的“三资”企业331家。"], [("20多个", 20, "个", "level"), ("331家", 331, "家", "level")])
    assert ids(figs) == [None, "foreign_funded_enterprises"]


def test_figures_of_several_places_listed_before_fenbie_wait_for_a_person():
    figs = link(["从区域看，石家庄、唐山、沧州三市开发区营业收入分别完成6120亿元、7854亿元和3987亿元。"],
                [("6120亿元", 6.12e11, "元", "level"), ("7854亿元", 7.854e11, "元", "level"), ("3987亿元", 3.987e11, "元", "level")],
                title="全省开发区经济运行情况")
    assert ids(figs) == [None, None, None]
    assert "several places" in figs[0].link_evidence


def test_words_of_the_catalog_may_be_written_in_traditional_characters(tmp_path):
    files = _copy_catalog(tmp_path)
    text = files["dimensions"].read_text(encoding="utf-8")
    old = "words: [人均地区生产总值, 人均生产总值, 人均GDP]"
    assert old in text
    files["dimensions"].write_text(text.replace(old, "words: [人均地区生产总值, 人均生产总值, 人均GDP, 人均產值]"), encoding="utf-8")
    cat = _load(files)
    article = make_article(["全区人均产值达到8万元。"])
    figs = link_figures(article, figures_in(article, [("8万元", 8e4, "元", "level")]), cat)
    assert figs[0].indicator == "gdp_per_capita"


def test_a_list_of_kinds_of_enterprise_does_not_pass_one_kind_scope_to_the_next():
    # Each item names its own kind: the 工业 of 规模以上工业企业 is not the high-tech firms' scope.
    figs = link(["截至目前，全区共有规模以上工业企业158家，高新技术企业46家，省级“专精特新”中小企业9家，科技型中小企业312家。"],
                [("158家", 158, "家", "level"), ("46家", 46, "家", "level"), ("9家", 9, "家", "level"),
                 ("312家", 312, "家", "level")])
    assert ids(figs) == ["above_scale_enterprises", "high_tech_enterprises", "specialized_smes", "tech_smes"]
    # A kind after a total of no kind is a part of it: it keeps the industry.
    figs = link(["开发区汽车零部件企业36家，其中高新技术企业8家。"], [("36家", 36, "家", "level"), ("8家", 8, "家", "level")])
    assert ids(figs) == ["auto_parts_enterprises", "auto_parts_high_tech_enterprises"]


def test_families_of_the_statistics_bulletins_wording():
    # 统计公报: 国有企业工业增加值; 统计年鉴 by industry: 规上管道企业产值; 亿元以上项目完成投资;
    # an industry's capacity; 新建省级研发中心; 引进京津项目.
    figs = link(["全市国有企业实现工业增加值同比增长14.9%。",
                 "上半年规上管道企业实现产值14.3亿元。",
                 "其中，亿元以上项目完成投资48.7亿元。",
                 "管道装备产业年生产能力189万吨。",
                 "新建省级研发中心两个。",
                 "引进京津项目43个，总投资412亿元。"],
                [("14.9%", 0.149, "%", "change"), ("14.3亿元", 1.43e9, "元", "level"), ("48.7亿元", 4.87e9, "元", "level"),
                 ("189万吨", 1.89e6, "吨", "level"), ("两个", 2, "个", "level"), ("43个", 43, "个", "level"),
                 ("412亿元", 4.12e10, "元", "level")])
    assert ids(figs) == ["industry_state_owned_value_added", "pipeline_above_scale_output", "large_investment_completed",
                         "pipeline_capacity", "provincial_rd_platforms_added", "introduced_jingjin_origin_projects",
                         "introduced_jingjin_origin_project_investment"]


def test_a_number_in_a_project_name_is_the_project_s():
    figs = link(["华北石化开工建设产能50万吨聚丙烯项目。", "推进中建·云筑等3个棚户区改造项目。"],
                [("50万吨", 5e5, "吨", "level"), ("3个", 3, "个", "level")])
    assert figs[0].indicator is None and "project's name" in figs[0].link_evidence
    assert figs[1].indicator == "shantytown_projects"     # a count of the projects is not inside a name
