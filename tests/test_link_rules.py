"""Linking rules found on the held-out link checks (eval/heldout_links), each on our own
sentences: a region named with what is measured of it, the publisher's region, a project's
stage from its section heading, 拉动 with nothing of its own, 规模工业, 签约引进."""
from __future__ import annotations

from pathlib import Path

from test_catalog import figures_in, ids, link, make_article

from ingest.catalog import link_figures
from ingest.pipeline import figures_of
from ingest.reader import read_article


def test_a_region_named_with_what_is_measured_of_it_is_the_figure_s():
    figs = link(["开发区实现生产总值753.58亿元，占到沧州市GDP的13%，为沧州市经济保持8.2%的增速做出了贡献。",
                 "全区规上工业增加值增长7.8%，高于全国平均水平(3.6%)4.2个百分点。"],
                [("753.58亿元", 7.5358e10, "元", "level"), ("13%", 13, "%", "share"), ("8.2%", 8.2, "%", "change"),
                 ("7.8%", 7.8, "%", "change"), ("3.6%", 3.6, "%", "change"), ("4.2个百分点", 4.2, "百分点", "change")],
                region="沧州经济开发区")
    assert [f.region for f in figs] == ["沧州经济开发区", "沧州经济开发区", "沧州市", "沧州经济开发区", "中国",
                                        "沧州经济开发区"]


def test_an_article_naming_no_place_belongs_to_the_region_whose_body_publishes_it(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: 1-8月份招商引资签约和跟踪在谈项目情况\ndate: 2018-09-19\nsource: 沧州经济技术开发区管委会\n---\n\n"
                    "一、签约项目情况\n\n1-8月份，签约润滑油、国瑞药业等项目29个，其中工业项目13个。\n\n"
                    "二、跟踪在谈项目情况\n\n处于协议起草阶段的项目8个。\n", encoding="utf-8")
    article = read_article(path)
    figs = figures_of(article)
    assert [f.text for f in figs] == ["29个", "13个", "8个"]
    assert article.region == "沧州经济开发区"
    # The section headings name the stage of the projects counted under them.
    assert ids(figs) == ["signed_projects", "industry_signed_projects", "negotiating_projects"]
    # A publisher that is a paper, not the region's own body, names no region.
    path.write_text(path.read_text(encoding="utf-8").replace("沧州经济技术开发区管委会", "沧州日报"), encoding="utf-8")
    paper = read_article(path)
    link_figures(paper, [])
    assert paper.region is None


def test_a_news_heading_that_names_a_stage_is_not_a_heading_of_projects_by_stage(tmp_path: Path):
    path = tmp_path / "b.md"
    path.write_text("---\ntitle: 开发区招商纪实\ndate: 2017-03-01\nsource: 沧州日报\n---\n\n"
                    "## 京津投资资金近八成落地开发区\n\n开发区新建项目12个，总投资45亿元。\n\n"
                    "## 在建项目情况\n\n开发区有项目20个。\n", encoding="utf-8")
    figs = {f.text: f.indicator for f in figures_of(read_article(path))}
    assert figs["12个"] is None and figs["45亿元"] is None       # 落地 in a news heading names no stage
    assert figs["20个"] == "projects_under_construction"          # a heading of projects by stage does


def test_pull_with_nothing_of_its_own_before_it_pulls_with_the_previous_figure_s_subject():
    article = make_article(["一季度，全市规模以上制造业增加值增长10.4%，占规模工业比重达到88.3%，拉动全市规模工业增长9.2个百分点。"])
    figs = figures_in(article, [("10.4%", 10.4, "%", "change"), ("88.3%", 88.3, "%", "share"),
                                ("9.2个百分点", 9.2, "百分点", "change")])
    for f in figs:
        f.subject = "规模以上制造业增加值"       # the extractor's subject of the sentence
    figs = link_figures(article, figs)
    assert ids(figs) == ["manufacturing_above_scale_value_added", "manufacturing_above_scale_value_added_share",
                         "manufacturing_above_scale_value_added_pull"]


def test_guimo_gongye_is_above_scale_industry_and_qianyue_yinjin_is_signed():
    figs = link(["全市规模工业增加值同比增长9.9%。", "今年以来，开发区签约引进亿元以上产业项目55个，总投资额630.4亿元。"],
                [("9.9%", 9.9, "%", "change"), ("55个", 55, "个", "level"), ("630.4亿元", 6.304e10, "元", "level")])
    assert ids(figs) == ["industrial_value_added", "signed_large_projects", "signed_large_project_investment"]


def test_items_of_a_list_of_industries_take_the_topic_measure():
    # 高技术产业(制造业)分类: 电子及通信设备制造业; the paragraph measures output (产值).
    figs = link(["全年高新技术产业实现产值7.8万亿元。", "其中新能源产业的增幅达44.2%，航空航天、电子及通讯设备业的增幅分别为24.6%、18.6%。"],
                [("7.8万亿元", 7.8e12, "元", "level"), ("44.2%", 44.2, "%", "change"), ("24.6%", 24.6, "%", "change"),
                 ("18.6%", 18.6, "%", "change")])
    assert ids(figs)[1:] == ["new_energy_output", "aerospace_output", "electronics_output"]


def test_a_broad_part_another_figure_measures_is_no_topic_of_a_kind_of_unit():
    figs = link(["力争到2025年，开发区规上工业总产值达到1000亿元，高新技术企业数量不低于100家。"],
                [("1000亿元", 1e11, "元", "target"), ("不低于100家", 100, "家", "target")])
    assert ids(figs) == ["industrial_output", "high_tech_enterprises"]


def test_a_subtitle_line_right_under_the_title_line_continues_it(tmp_path: Path):
    path = tmp_path / "c.md"
    path.write_text("---\ntitle: 全市去年地区生产总值达3676.4亿元\ndate: 2019-01-30\nsource: 沧州日报\n---\n\n"
                    "全市去年地区生产总值达3676.4亿元\n\n同比增长6.4%\n\n"
                    "本报讯 2018年，沧州市实现地区生产总值3676.4亿元，按可比价格计算，同比增长6.4%。\n\n"
                    "开发区新建篮球场6个。\n\n同比增长12%\n", encoding="utf-8")
    figs = [(f.text, f.indicator, f.kind) for f in figures_of(read_article(path))]
    assert figs[:2] == [("3676.4亿元", "gdp", "level"), ("6.4%", "gdp", "change")]
    assert figs[-1][0] == "12%" and figs[-1][1] is None     # a line after body text continues nothing
