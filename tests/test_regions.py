"""Regions: the national file (provinces, host cities, national zones), what an article is
about, and which region each figure belongs to (hand-made articles and figures)."""
from __future__ import annotations

from collections import Counter

from test_catalog import figures_in, make_article

from ingest.catalog import catalog, detect_region, link_figures


def test_the_national_file_covers_provinces_host_cities_and_national_zones():
    cat = catalog()
    kinds = Counter((r.level, r.kind) for r in cat.regions.values())
    assert kinds[("province", None)] == 34
    assert kinds[("zone", "etdz")] >= 200 and kinds[("zone", "htz")] >= 150 and kinds[("zone", "new_area")] >= 19
    for region in cat.regions.values():
        if region.kind:
            parent = cat.regions[region.parent]
            assert parent.level in ("city", "province"), region.name
            assert cat.ancestors(region.name)[-1].name == "中国", region.name
    # The local file extends the national one: the city of the seed keeps its counties.
    assert cat.regions["运河区"].parent == "沧州市" and cat.regions["沧州市"].parent == "河北省"


def test_zones_of_other_cities_resolve_to_themselves_with_their_parents():
    cat = catalog()
    expect = {"天津开发区": ["天津经济技术开发区", "天津市"],
              "泰达": ["天津经济技术开发区", "天津市"],
              "合肥高新区": ["合肥高新技术产业开发区", "合肥市", "安徽省"],
              "苏州工业园区": ["苏州工业园区", "苏州市", "江苏省"],
              "西安高新区": ["西安高新技术产业开发区", "西安市", "陕西省"],
              "西青经开区": ["天津西青经济技术开发区", "天津市"],      # without its city's name
              "临港开发区": ["沧州临港经济技术开发区", "沧州市", "河北省"],
              "吉林": ["吉林省"]}                                        # a province before a city's short form
    for alias, chain in expect.items():
        assert [r.name for r in cat.ancestors(cat.region_name(alias))][:len(chain)] == chain, alias


def test_an_article_about_one_zone_takes_its_citys_short_name_for_the_zone():
    article = make_article(["此次共有8个重点项目集中开工，总投资7.39亿元。",
                            "12月1日上午，沧州经济开发区举行重点项目集中开工仪式。",
                            "沧州经济开发区作为全市经济发展的主战场，为美丽沧州做出开发区应有的贡献。"],
                           title="沧州8个重点项目集中开工 总投资7.39亿元")
    assert detect_region(article) == "沧州经济开发区"
    # Named in full, the city is the city.
    article = make_article(["今天，沧州市举行重点项目建设动员大会，沧州市150个项目开工。"],
                           title="河北沧州150个项目开工")
    assert detect_region(article) == "沧州市"


def test_an_article_about_a_province_reads_its_context_words():
    article = make_article(["1-2月，我省高新区实现营业收入同比增长17.22%。全省高新区实现工业总产值同比增长10.05%。",
                            "石家庄、保定、唐山、燕郊、承德5家国家高新区龙头带动作用显著。"],
                           title="今年1-2月我省高新区实现营业收入同比增长17.22%")
    assert detect_region(article) == "河北省"
    figs = link_figures(article, figures_in(article, [("17.22%", 17.22, "%", "change"), ("5家", 5, "家", "level")]))
    # A list of cities names none of them alone.
    assert [f.region for f in figs] == ["河北省", "河北省"]


def test_a_zone_the_catalog_does_not_know_stands_for_itself():
    article = make_article(["大城经开区共签约落地项目15个，借势雄安新区建设。"], title="大城经开区:借势雄安新区建设")
    assert detect_region(article) == "大城经开区"
    figs = link_figures(article, figures_in(article, [("15个", 15, "个", "level")]))
    assert figs[0].region == "大城经开区"


def test_a_figure_belongs_to_the_article_zone_unless_its_sentence_names_another():
    article = make_article(["天津开发区上半年实现地区生产总值1689.5亿元。",
                            "全市GDP增长5%，合肥高新区营业收入增长10%。",
                            "长春市副市长孙亚明部署2014年目标：营业总收入实现4900亿元。",
                            "北京现代、岱摩斯申报获批技术改造专项资金项目900万元。"],
                           title="天津开发区上半年经济运行")
    specs = [("1689.5亿元", 1.6895e11, "元", "level"), ("5%", 5, "%", "change"), ("10%", 10, "%", "change"),
             ("4900亿元", 4.9e11, "元", "target"), ("900万元", 9e6, "元", "level")]
    figs = link_figures(article, figures_in(article, specs))
    assert article.region == "天津经济技术开发区"
    assert [f.region for f in figs] == ["天津经济技术开发区", "天津市", "合肥高新技术产业开发区",
                                        "天津经济技术开发区", "天津经济技术开发区"]


def test_the_citys_short_name_in_an_article_about_one_of_its_zones_names_the_zone():
    article = make_article(["近年来，沧州坚持项目为王，今年以来引进项目56个。全市规模以上工业增加值增长6.1%。",
                            "河北沧州150个项目开工。"])
    figs = link_figures(article, figures_in(article, [("56个", 56, "个", "level"), ("6.1%", 6.1, "%", "change"),
                                                     ("150个", 150, "个", "level")]))
    # The province named with its city is the city; the city's short name alone is the zone.
    assert [f.region for f in figs] == ["沧州经济开发区", "沧州市", "沧州市"]


def test_region_named_at_clause_start_and_titles_that_are_not_places():
    article = make_article(["上半年，全市规模以上工业增加值同比增长6.1%，开发区增长9.8%。",
                            "目前拥有河北省高新技术企业12家。",
                            "今年上半年，全市9个省级以上开发区主要指标较快增长。共实现营业收入1102.5亿元。"])
    specs = [("6.1%", 6.1, "%", "change"), ("9.8%", 9.8, "%", "change"), ("12家", 12, "家", "level"),
             ("9个", 9, "个", "level"), ("1102.5亿元", 1.1025e11, "元", "level")]
    figs = link_figures(article, figures_in(article, specs))
    assert [f.region for f in figs] == ["沧州市", "沧州经济开发区", "沧州经济开发区", "沧州市", "沧州市开发区"]
    # 开发区增长9.8%: the region's word is not a count of zones; the change is of the same indicator.
    assert [f.indicator for f in figs[:3]] == ["industrial_value_added", "industrial_value_added", "high_tech_enterprises"]
    assert figs[4].indicator == "operating_revenue"


def test_article_region_from_title_and_body_or_given():
    article = make_article(["沧州临港经济技术开发区今年以来签约项目9个。临港经济技术开发区还将继续招商。"],
                           title="临港经济技术开发区招商引资成效明显")
    assert detect_region(article) == "沧州临港经济技术开发区"
    given = make_article(["全区签约项目9个。"], region="沧州开发区")
    link_figures(given, [])
    assert given.region == "沧州经济开发区"
