"""HTML article pages: Founder e-paper pages and ordinary news pages."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_reader import all_text, assert_offsets_true, para, span_source

from ingest.html import body_lines, parse, read_html
from ingest.model import ArticleError
from ingest.reader import CELL_SEPARATOR, read_article

FIX = Path(__file__).resolve().parent / "fixtures" / "reader"


def page(tmp_path: Path, body: str, head: str = "", name: str = "2020-06-01.html") -> Path:
    f = tmp_path / name
    f.write_text(f"<html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")
    return f


# --------------------------------------------------------------------------- Founder e-paper pages

def test_founder_variant_a_with_enpcontent_markers():
    a = read_article(FIX / "founder_a.html")
    assert a.format == "founder-html"
    assert a.published == date(2016, 5, 18)
    assert a.title == "临河开发区一季度 项目建设提速"
    assert a.edition == "第03版:经济"
    assert a.paper == "临河日报"  # from the page's <title>; variant A does not name the paper
    assert a.url == "http://epaper.example.cn/html/2016-05/18/content_80412.htm"
    assert a.page == "content_80412.htm"
    assert a.source_id == "临河日报/content_80412"
    texts = [p.text for p in a.paragraphs]
    assert texts[:3] == [
        "本报讯今年一季度，临河开发区新开工项目12个，完成投资“4.6亿元”，同比增长18.5%。",
        "区内企业研发投入持续增加，高新技术企业达到35家，比上年末增加7家。",
        "新建标准化厂房2.4万平方米，道路改造4.2公里。",
    ]
    assert [h.text for h in a.headings] == ["园区配套逐步完善"]
    assert texts[3:] == ["指标\t数值", "工业总产值\t31.5亿元", "税收收入\t2.2亿元"]
    text = all_text(a)
    for junk in ("访问量", "font-size", "首页", "往期回顾", "版权所有", "ICP"):
        assert junk not in text
    assert_offsets_true(a)


def test_entities_map_to_their_first_character():
    a = read_article(FIX / "founder_a.html")
    p = para(a, "4.6亿元")
    i = p.text.index("“4.6亿元”")
    assert a.source[p.offsets[i]:p.offsets[i] + 7] == "&ldquo;"
    assert a.source[p.offsets[i + 1]:p.offsets[i + 5] + 1] == "4.6亿元"
    p = para(a, "35家")
    i = p.text.index("35家")
    assert a.source[p.offsets[i]:p.offsets[i] + 8] == "&#x0033;"
    assert a.source[p.offsets[i + 1]] == "5"
    i = p.text.index("7家")
    assert a.source[p.offsets[i]:p.offsets[i] + 5] == "&#55;"
    # Full-width figures fold to ASCII and still map to the full-width source.
    assert span_source(a, "18.5%") == "１８．５％"


def test_table_cells_are_separated_by_a_tab_on_the_cell_tag():
    a = read_article(FIX / "founder_a.html")
    p = para(a, "工业总产值")
    k = p.text.index(CELL_SEPARATOR)
    assert a.source[p.offsets[k]:p.offsets[k] + 4] == "<td>"
    assert span_source(a, "31.5亿元") == "31.5亿元"
    p = para(a, "税收收入")
    assert p.text == "税收收入\t2.2亿元"  # &nbsp; between number and unit collapses away


def test_founder_variant_b_gb18030_founder_content():
    a = read_article(FIX / "founder_b.html")
    assert a.encoding == "gb18030"
    assert a.format == "founder-html"
    assert a.published == date(2013, 11, 2)
    assert a.paper == "北湖日报"
    assert a.edition == "第05版"
    assert a.title == "北湖园区前三季度税收稳步增长"
    assert a.source_id == "北湖日报/founder_b"
    assert [p.text for p in a.paragraphs] == ["前三季度，北湖园区实现税收收入9800万元，增长12%。", "园区新增注册企业46家，其中工业企业11家。"]
    assert "10项" not in all_text(a)
    assert_offsets_true(a)


def test_enpcontent_without_closing_marker_reads_to_the_end(tmp_path):
    f = page(tmp_path, "<p>导航</p><!--enpcontent--><p>园区新增企业30家。</p>")
    a = read_article(f)
    assert [p.text for p in a.paragraphs] == ["园区新增企业30家。"]


# --------------------------------------------------------------------------- ordinary pages

def test_news_page_with_meta_tags_layout_table_and_furniture():
    a = read_article(FIX / "news_page.html")
    assert a.format == "html"
    assert a.title == "南岗工业园上半年主要经济指标"
    assert a.published == date(2019, 7, 22)
    assert a.paper == "南岗区统计局"
    assert [p.text for p in a.paragraphs] == [
        "上半年，南岗工业园规模以上工业增加值增长7.3%，高于全区平均水平1.2个百分点。",
        "园区固定资产投资完成28.9亿元，其中工业投资16.4亿元。",
        "Industrial park output grew steadily.",
    ]
    assert not a.headings
    text = all_text(a)
    for junk in ("当前位置", "政务公开", "浏览次数", "分享到", "相关新闻", "GDP增长6%", "版权所有", "电话"):
        assert junk not in text
    assert_offsets_true(a)


def test_article_element_time_and_site_name():
    a = read_article(FIX / "article_element.html")
    assert a.format == "html"
    assert a.title == "东山新区：外贸进出口回升"
    assert a.published == date(2021, 3, 9)
    assert a.paper == "东山晚报"
    assert [p.text for p in a.paragraphs] == ["1至2月，东山新区外贸进出口总额达到15.7亿元，同比增长21.4%。", "其中出口9.1亿元，进口6.6亿元。"]
    assert "推荐阅读" not in all_text(a) and "责任编辑" not in all_text(a)


def test_old_layout_page_with_br_lines_and_link_menus():
    a = read_article(FIX / "old_gov.html")
    assert a.format == "html"
    assert a.title == "开发区2012年工作总结"
    assert a.published == date(2013, 1, 15)
    assert [h.text for h in a.headings] == ["一、主要工作"]
    assert [p.text for p in a.paragraphs] == [
        "2012年，开发区完成地区生产总值126亿元，增长13.5%。",
        "全年新引进项目42个，其中亿元以上项目18个。",
        "园区基础设施投入5.2亿元，新修道路11公里。",
    ]
    assert a.paragraphs[2].section == "一、主要工作"
    assert_offsets_true(a)


def test_largest_block_of_paragraphs_is_the_body(tmp_path):
    body = ("<div class='left'><p>园区简介</p><p>热线：12345</p></div>"
            "<div class='main'><div class='text'><p>园区上半年实现工业产值56亿元，增长8%。</p>"
            "<p>新增高新技术企业12家，累计达到87家，研发投入占营业收入的比重为3.2%。</p></div></div>"
            "<div class='right'><p>园区去年新增企业30家</p></div>")
    a = read_article(page(tmp_path, body, "<meta name='publishdate' content='2020-06-01'>"))
    assert [p.text for p in a.paragraphs] == ["园区上半年实现工业产值56亿元，增长8%。", "新增高新技术企业12家，累计达到87家，研发投入占营业收入的比重为3.2%。"]
    body_lines_, how = body_lines(parse(f"<body>{body}</body>"))
    assert how == "p-text"


@pytest.mark.parametrize("head, expected", [
    ("<meta name='publishdate' content='2020-06-01'>", date(2020, 6, 1)),
    ("<meta name='PubDate' content='2018-12-03 10:00'>", date(2018, 12, 3)),
    ("<meta property='article:published_time' content='2017-02-14T08:00:00+08:00'>", date(2017, 2, 14)),
    ("<META NAME='firstpublishedtime' CONTENT='2015-09-30-10:00:00'>", date(2015, 9, 30)),
    ("<meta name='description' content='无日期'>", None),
])
def test_dates_from_meta_tags(tmp_path, head, expected):
    f = page(tmp_path, "<p>园区新增企业30家，增长8%。</p>", head, name="page.html")
    if expected is None:
        with pytest.raises(ArticleError, match="no recognisable publication date"):
            read_article(f)
    else:
        assert read_article(f).published == expected


def test_date_from_a_publication_line_in_the_page_header(tmp_path):
    f = page(tmp_path, "<div class='header'><span>发布时间：2014-10-08</span></div><div><p>园区新增企业30家。</p><p>园区产值增长8%。</p></div>",
             name="page.html")
    assert read_article(f).published == date(2014, 10, 8)


def test_date_from_the_page_url(tmp_path):
    head = "<meta property='og:url' content='http://paper.example.cn/html/2016-03/07/content_12.htm'>"
    f = page(tmp_path, "<p>园区新增企业30家。</p>", head, name="page.html")
    a = read_article(f)
    assert a.published == date(2016, 3, 7)
    assert a.source_id == "http://paper.example.cn/html/2016-03/07/content_12.htm"


def test_br_ends_lines_and_headings_split_sections(tmp_path):
    body = "<div><h2>一、工业</h2>园区工业产值56亿元。<br>增长8%。<br/><h2>二、投资</h2><p>完成投资21亿元。</p></div>"
    a = read_article(page(tmp_path, body, "<title>园区简报_某某网</title>"))
    assert a.title == "园区简报"
    assert [(p.section, p.text) for p in a.paragraphs] == [("一、工业", "园区工业产值56亿元。"), ("一、工业", "增长8%。"),
                                                          ("二、投资", "完成投资21亿元。")]


def test_layout_table_cells_are_blocks_not_rows(tmp_path):
    body = "<table><tr><td><p>园区工业产值56亿元，增长8%。</p><p>完成投资21亿元。</p></td><td>侧栏</td></tr></table>"
    a = read_article(page(tmp_path, body))
    assert "园区工业产值56亿元，增长8%。" in [p.text for p in a.paragraphs]
    assert not any(CELL_SEPARATOR in p.text for p in a.paragraphs)


def test_unclosed_paragraphs_uppercase_tags_and_unknown_entities(tmp_path):
    body = "<DIV><P>园区产值56亿元&unknown;增长8%。<P>完成投资&amp;建设21亿元&#12290;</DIV>"
    a = read_article(page(tmp_path, body))
    assert [p.text for p in a.paragraphs] == ["园区产值56亿元&unknown;增长8%。", "完成投资&建设21亿元。"]
    assert_offsets_true(a)


def test_invisible_characters_and_nbsp_indentation(tmp_path):
    body = "<p>&nbsp;&nbsp;　　园区产值5\u200b6亿元。</p>"
    a = read_article(page(tmp_path, body))
    assert [p.text for p in a.paragraphs] == ["园区产值56亿元。"]
    assert_offsets_true(a)


def test_pre_keeps_its_lines(tmp_path):
    a = read_article(page(tmp_path, "<pre>园区产值56亿元。\n完成投资21亿元。</pre>"))
    assert [p.text for p in a.paragraphs] == ["园区产值56亿元。", "完成投资21亿元。"]


def test_html_without_text_is_an_error(tmp_path):
    with pytest.raises(ArticleError, match="no article text"):
        read_article(page(tmp_path, "<script>var a = '园区产值56亿元';</script>"))


def test_html_in_a_txt_file_is_read_as_html(tmp_path):
    f = tmp_path / "2020-06-01.txt"
    f.write_text("<!DOCTYPE html><html><body><p>园区产值56亿元。</p></body></html>", encoding="utf-8")
    a = read_article(f)
    assert a.format == "html"
    assert [p.text for p in a.paragraphs] == ["园区产值56亿元。"]


def test_traditional_html_page(tmp_path):
    a = read_article(page(tmp_path, "<p>開發區實現產值５６億元，同比增長８％。</p>"))
    assert [p.text for p in a.paragraphs] == ["开发区实现产值56亿元，同比增长8%。"]
    assert span_source(a, "56亿元") == "５６億元"


def test_read_html_directly():
    source = (FIX / "news_page.html").read_text(encoding="utf-8")
    a = read_html(FIX / "news_page.html", source)
    assert a.source == source
    assert len(a.paragraphs) == 3


_HTML_PIECES = st.sampled_from([
    "<p>", "</p>", "<br>", "<div class='nav'>", "<div>", "</div>", "<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>",
    "<h2>", "</h2>", "<script>", "</script>", "<!--enpcontent-->", "<!--/enpcontent-->", "&nbsp;", "&ldquo;", "&#x4e00;",
    "&bogus;", "&", "<", ">", "园区产值", "56亿元", "１２．５％", "。", "\n", " ", "經濟", "<!-- c -->", "<li>", "<b>", "</b>",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_HTML_PIECES, max_size=50))
def test_any_html_reads_with_true_offsets(pieces):
    source = "<html><body>" + "".join(pieces) + "</body></html>"
    try:
        a = read_html(Path("2020-01-01.html"), source)
    except ArticleError:
        return
    if a.paragraphs or a.headings:
        assert_offsets_true(a)
