"""The article reader: decoding, formats, metadata, paragraphs and their offset maps."""
from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.model import Article, ArticleError, Paragraph
from ingest.reader import (
    Overrides,
    boilerplate,
    decode,
    detect_wrap,
    digest,
    fold,
    group_lines,
    is_traditional,
    parse_date,
    parse_enpproperty,
    parse_loose_date,
    read_article,
    source_lines,
    t2s_table,
    to_simplified,
)

HERE = Path(__file__).resolve().parent
FIX = HERE / "fixtures" / "reader"
SEED = HERE.parent / "articles" / "2022-08-10_czrb_content_66129.txt"


# --------------------------------------------------------------------------- the offset invariant

def allowed_chars(source: str, offset: int) -> set[str]:
    """What a paragraph character standing at source[offset] may be."""
    ch = source[offset]
    folded = fold(ch)
    ok = {ch, folded, to_simplified(folded)}
    if ch == "&":
        end = source.find(";", offset, offset + 40)
        raw = source[offset:end + 1] if end > 0 else source[offset:offset + 12]
        for k in range(2, len(raw) + 1):
            for d in html.unescape(raw[:k]):
                ok.update((d, fold(d), to_simplified(fold(d))))
                if d.isspace():
                    ok.update(" \t")
    if ch.isspace() or ch in "<|":
        ok.update(" \t")  # a collapsed whitespace run, or a cell separator standing on its tag or pipe
    return ok


def assert_offsets_true(article: Article) -> None:
    source = article.source
    for p in [*article.paragraphs, *article.headings]:
        assert p.text, "empty paragraph"
        assert len(p.text) == len(p.offsets), p.text
        assert list(p.offsets) == sorted(p.offsets), f"offsets go backwards in {p.text!r}"
        for i, (c, o) in enumerate(zip(p.text, p.offsets)):
            assert 0 <= o < len(source)
            assert c in allowed_chars(source, o), (
                f"paragraph {p.index} char {i} {c!r} maps to {source[max(0, o - 5):o + 5]!r} at {o}")
        # A table row may open with empty cells (| | 2019 | 2020 |): separators, not blanks.
        assert p.text == p.text.rstrip() and p.text.lstrip("\t") == p.text.lstrip("\t").strip(), \
            f"untrimmed {p.text!r}"


def para(article: Article, needle: str) -> Paragraph:
    found = [p for p in article.paragraphs if needle in p.text]
    assert found, f"no paragraph contains {needle!r}: {[p.text for p in article.paragraphs]}"
    return found[0]


def span_source(article: Article, needle: str) -> str:
    p = para(article, needle)
    i = p.text.index(needle)
    start, end = p.source_span(i, i + len(needle))
    return article.source[start:end]


def all_text(article: Article) -> str:
    return "\n".join(p.text for p in [*article.headings, *article.paragraphs])


GOOD_FIXTURES = sorted(p.name for p in FIX.iterdir() if p.name not in {
    "empty.txt", "blank.txt", "binary.txt", "undecodable.txt", "no_date.txt", "fake.txt"})


@pytest.mark.parametrize("name", GOOD_FIXTURES)
def test_every_fixture_maps_every_character_back_to_the_file(name):
    article = read_article(FIX / name)
    assert article.paragraphs
    assert_offsets_true(article)
    assert article.published.year >= 2012
    assert article.title


def test_offsets_hold_for_the_seed():
    assert_offsets_true(read_article(SEED))


# --------------------------------------------------------------------------- the seed's e-paper text

def test_seed_epaper_text():
    a = read_article(SEED)
    assert a.format == "epaper-text"
    assert a.published == date(2022, 8, 10)
    assert a.title == "沧州经济开发区:打造投资兴业热土 成就大运通海福地"
    assert a.edition == "第08版:08"
    assert a.paper == "沧州日报"
    assert a.page == "content_66129.html"
    assert a.source_id == "沧州日报/content_66129"
    assert len(a.headings) == 3
    assert len(a.paragraphs) == 24
    assert [p.index for p in a.paragraphs] == list(range(1, 25))
    assert not any("上接" in p.text for p in a.paragraphs)
    assert not any("enpproperty" in p.text for p in a.paragraphs)
    assert a.paragraphs[0].section is None
    assert a.paragraphs[-1].section == a.headings[-1].text
    assert a.encoding == "utf-8" and len(a.sha256) == 64


def test_epaper_text_with_intact_enpproperty_tags_and_a_kicker_line():
    a = read_article(FIX / "epaper_tags.txt")
    assert a.format == "epaper-text"
    assert a.title == "湖滨开发区工业投资逆势增长"
    assert a.edition == "第06版:园区"
    assert a.page == "content_55102.htm"
    assert a.url.endswith("content_55102.htm")
    assert a.published == date(2017, 9, 21)
    texts = [p.text for p in a.paragraphs]
    assert texts == ["今年1-8月，湖滨开发区完成工业投资44.8亿元，同比增长15.3%。", "新培育科技型中小企业38家。"]
    assert not a.headings


@pytest.mark.parametrize("line, expected", [
    ("2022-08-10 1 1 沧州日报 content_66129.html 1 沧州经济开发区:打造投资兴业热土 成就大运通海福地 /enpproperty-->",
     {"date": "2022-08-10", "paper": "沧州日报", "page": "content_66129.html",
      "title": "沧州经济开发区:打造投资兴业热土 成就大运通海福地"}),
    ("<!--enpproperty <founder-date>2013-11-02</founder-date><founder-papername>北湖日报</founder-papername>"
     "<founder-pagenum>05</founder-pagenum><founder-title>园区税收增长</founder-title>/enpproperty-->",
     {"date": "2013-11-02", "paper": "北湖日报", "edition": "第05版", "title": "园区税收增长"}),
    ("<!--enpproperty <articleid>7</articleid><date>2016-05-18</date><title>标题</title><nodename>第03版:经济</nodename>"
     "<url>http://x.cn/html/2016-05/18/content_7.htm</url>/enpproperty-->",
     {"date": "2016-05-18", "title": "标题", "edition": "第03版:经济", "articleid": "7",
      "url": "http://x.cn/html/2016-05/18/content_7.htm", "page": "content_7.htm"}),
])
def test_enpproperty_variants(line, expected):
    assert parse_enpproperty(line) == expected


# --------------------------------------------------------------------------- bad input

@pytest.mark.parametrize("name, reason", [
    ("empty.txt", "empty file"),
    ("blank.txt", "empty file"),
    ("binary.txt", "binary file"),
    ("fake.txt", "binary file (PDF document)"),
    ("undecodable.txt", "neither UTF-8 nor GB18030"),
    ("no_date.txt", "no recognisable publication date"),
])
def test_bad_input_raises_article_error_with_a_short_reason(name, reason):
    with pytest.raises(ArticleError) as info:
        read_article(FIX / name)
    message = str(info.value)
    assert reason in message
    assert "\n" not in message and len(message) < 120


def test_no_date_is_fine_when_given_on_the_command_line():
    a = read_article(FIX / "no_date.txt", Overrides(date=date(2019, 5, 1)))
    assert a.published == date(2019, 5, 1)
    assert a.title == "园区近况"


def test_directory_and_missing_file(tmp_path):
    with pytest.raises(ArticleError, match="directory"):
        read_article(tmp_path)
    with pytest.raises(ArticleError):
        read_article(tmp_path / "missing.txt")


def test_text_without_paragraphs(tmp_path):
    f = tmp_path / "2020-01-02.txt"
    f.write_text("发布时间：2020-01-02\n版权所有 某某网站\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="no article text"):
        read_article(f)


@pytest.mark.parametrize("data, reason", [
    (b"\xef\xbb\xbf\xff\xfe text", "byte-order mark"),
    (b"\xff\xfea\x00b\x00", "UTF-16"),
    (b"\xef\xbb\xbf  \n", "empty file"),
    (b"\x89PNG\r\n\x1a\n....", "PNG image"),
])
def test_decode_rejects(data, reason):
    with pytest.raises(ArticleError, match=reason):
        decode(data)


def test_utf8_with_a_stray_byte_is_not_read_as_gb18030():
    data = "园区新增企业30家，产值增长12%。".encode("utf-8") * 3
    with pytest.raises(ArticleError, match="invalid UTF-8 at byte 20"):
        decode(data[:20] + b"\xff" + data[20:])


def test_decode_gb18030_and_bom():
    text = "园区产值增长12%。"
    assert decode(text.encode("gb18030")) == (text, "gb18030")
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, "utf-8-sig")
    assert decode(text.encode("utf-8")) == (text, "utf-8")


# --------------------------------------------------------------------------- encodings and characters

def test_gb18030_file():
    a = read_article(FIX / "gb18030.txt")
    assert a.encoding == "gb18030"
    assert a.published == date(2012, 2, 10)
    assert a.title == "中岭新区一月份外贸稳中有升"
    assert span_source(a, "3.6亿美元") == "3.6亿美元"
    assert "𠀾" in all_text(a)  # a four-byte GB18030 character survives


def test_bom_and_crlf_offsets_count_from_after_the_bom():
    a = read_article(FIX / "bom_crlf.txt")
    assert a.encoding == "utf-8-sig"
    assert not a.source.startswith("\ufeff")
    assert "\r\n" in a.source  # newlines untouched
    raw = (FIX / "bom_crlf.txt").read_bytes().decode("utf-8-sig")
    p = para(a, "7.8亿元")
    i = p.text.index("7.8亿元")
    start, end = p.source_span(i, i + 5)
    assert raw[start:end] == "7.8亿元"
    assert a.published == date(2014, 3, 5)


def test_fold_full_width_digits_and_signs_keeps_chinese_punctuation():
    assert "".join(fold(c) for c in "１２．５％，：；（）") == "12.5%，：；（）"
    assert fold("\u3000") == " " and fold("\u00a0") == " "


def test_full_width_figures_map_to_their_full_width_source():
    a = read_article(FIX / "traditional.txt")
    assert span_source(a, "12.5亿元") == "１２．５億元"
    assert span_source(a, "8.2%") == "８．２％"


def test_traditional_article_reads_as_simplified_one_for_one():
    a = read_article(FIX / "traditional.txt")
    text = all_text(a)
    assert "经济开发区" in text and "地区生产总值" in text and "规模以上工业企业" in text
    assert "經" not in text and "區" not in text
    assert a.title == "東港經濟開發區上半年發展概況"  # the title stays as printed
    assert_offsets_true(a)


def test_t2s_table_is_single_characters_only():
    table = t2s_table()
    assert len(table) > 3000
    assert all(len(v) == 1 for v in table.values())
    assert to_simplified("臺灣經濟發展億萬") == "台湾经济发展亿万"
    assert to_simplified("裡面") == "里面"


def test_simplified_text_is_not_taken_for_traditional():
    assert not is_traditional(SEED.read_text(encoding="utf-8"))
    assert is_traditional("開發區經濟")


def test_simplified_article_is_left_alone():
    a = read_article(SEED)
    assert all(p.text == "".join(fold(a.source[o]) for o in p.offsets) for p in a.paragraphs)


# --------------------------------------------------------------------------- dates

@pytest.mark.parametrize("text, expected", [
    ("2022年08月10日", date(2022, 8, 10)),
    ("2022年8月10日 星期三", date(2022, 8, 10)),
    ("2022 年 8 月 1 日", date(2022, 8, 1)),
    ("2022-08-10", date(2022, 8, 10)),
    ("2022/8/10 09:30", date(2022, 8, 10)),
    ("2022.08.10", date(2022, 8, 10)),
    ("发布时间：2013-1-5", date(2013, 1, 5)),
    ("二〇一九年十二月二十一日", date(2019, 12, 21)),
    ("二○二二年八月十日", date(2022, 8, 10)),
    ("二〇二一年十月三十一日", date(2021, 10, 31)),
    ("二〇二一年二月三十日", None),
    ("二〇二一年十十月一日", None),
    ("二〇二一年三月二二日", None),
    ("增长12022.08.105", None),
    ("2022-13-40", None),
    ("2022年", None),
    ("截至4月28日", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_chinese_month_and_day_read_as_tens_and_ones():
    """Every month and day the Chinese-numeral date pattern admits (one to three of 一…九 and 十)
    reads as tens 十 ones, or as no date: 十 = 10, 十二 = 12, 二十 = 20, 二十一 = 21, 二二 = none."""
    digits = {c: i for i, c in enumerate("一二三四五六七八九", 1)}

    def tens_ones(s: str) -> int | None:
        tens, ten, ones = s.partition("十")
        if not ten:
            return digits.get(s)
        if (tens and tens not in digits) or (ones and ones not in digits):
            return None
        return digits.get(tens, 1) * 10 + digits.get(ones, 0)

    chars = "一二三四五六七八九十"
    words = [a + b + c for a in chars for b in ["", *chars] for c in ["", *chars] if b or not c]
    for word in words:
        n = tens_ones(word)
        if len(word) <= 2:
            expected = date(2004, n, 1) if n is not None and n <= 12 else None
            assert parse_date(f"二〇〇四年{word}月一日") == expected, word
        expected = date(2004, 1, n) if n is not None and n <= 31 else None
        assert parse_date(f"二〇〇四年一月{word}日") == expected, word


def test_parse_date_takes_the_first_date():
    assert parse_date("更新 2021-01-02，原文 2020年12月30日") == date(2021, 1, 2)
    assert parse_date("原文 2020年12月30日，更新 2021-01-02") == date(2020, 12, 30)


@pytest.mark.parametrize("text, expected", [
    ("2022-08-10_czrb_content_66129.txt", date(2022, 8, 10)),
    ("czrb_20160518_3.html", date(2016, 5, 18)),
    ("http://epaper.example.cn/html/2016-05/18/content_1.htm", date(2016, 5, 18)),
    ("http://x.cn/html/201605/18/content_1.htm", date(2016, 5, 18)),
    ("content_66129.txt", None),
])
def test_parse_loose_date(text, expected):
    assert parse_loose_date(text) == expected


def test_date_from_file_name_when_the_text_has_none(tmp_path):
    f = tmp_path / "20150302_园区.txt"
    f.write_text("园区近况\n\n园区新建厂房3万平方米。\n", encoding="utf-8")
    assert read_article(f).published == date(2015, 3, 2)


def test_signature_date_at_the_end_of_a_notice(tmp_path):
    f = tmp_path / "notice.txt"
    f.write_text("关于园区企业用工情况的通报\n\n截至目前，园区重点企业用工总数达到1.2万人，比年初增加800人。\n\n园区管委会\n2019年11月5日\n",
                 encoding="utf-8")
    a = read_article(f)
    assert a.published == date(2019, 11, 5)
    assert a.title == "关于园区企业用工情况的通报"
    assert all("2019年11月5日" not in p.text for p in a.paragraphs)


def test_publication_line_wins_over_dates_in_the_body(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("园区项目开工\n发布日期：2016年3月8日\n\n项目于2016年2月20日开工，总投资5亿元，预计明年投产。\n", encoding="utf-8")
    assert read_article(f).published == date(2016, 3, 8)


# --------------------------------------------------------------------------- web-page copies

def test_web_copy_drops_furniture_and_mines_it_for_metadata():
    a = read_article(FIX / "web_copy.txt")
    assert a.format == "text"
    assert a.title == "西岭高新区前七个月招商引资成效明显"
    assert a.published == date(2020, 8, 14)
    assert a.paper == "西岭日报"
    assert a.source_id == "西岭日报/web_copy"
    assert [p.text for p in a.paragraphs] == [
        "今年1至7月，西岭高新区新签约项目23个，协议总投资达到86.5亿元。",
        "其中，投资超过10亿元的项目有3个，主要集中在新能源和装备制造领域。",
        "区招商局负责人表示，下一步将围绕主导产业开展精准招商。",
    ]
    assert not a.headings
    text = all_text(a)
    for junk in ("首页", "当前位置", "浏览次数", "字体", "打印", "上一篇", "新增规上企业8家", "ICP", "电话", "版权"):
        assert junk not in text


@pytest.mark.parametrize("line, why", [
    ("首页 > 新闻中心 > 本地新闻", "drop"),
    ("当前位置：首页 > 政务公开", "drop"),
    ("您现在的位置: 首页>>园区动态>>正文", "drop"),
    ("首页 新闻中心 政务公开 办事服务 互动交流", "drop"),
    ("发布时间：2020-08-14 09:12:30 来源：西岭日报", "meta"),
    ("2021-06-01 10:20 来源：某某晚报", "meta"),
    ("来源：市统计局", "meta"),
    ("浏览次数：1024", "meta"),
    ("2022-08-10 09:30:00", "meta"),
    ("【字体：大 中 小】", "drop"),
    ("字号：[大][中][小] 【打印本页】【关闭窗口】", "drop"),
    ("【打印本页】【关闭窗口】", "drop"),
    ("分享到：微信 微博 QQ空间", "tail"),
    ("扫一扫在手机打开当前页", "drop"),
    ("版权所有 © 2012-2020 西岭高新区管委会", "drop"),
    ("Copyright 2015 Example All Rights Reserved", "drop"),
    ("冀ICP备12345678号-1", "drop"),
    ("冀公网安备 13010002000123号", "drop"),
    ("地址：西岭市高新路88号 电话：0311-87654321", "drop"),
    ("网站标识码：1301000001", "drop"),
    ("上一篇：西岭高新区召开安全生产会议", "tail"),
    ("新闻推荐", "tail"),                          # a list of other articles follows
    ("第A04版:", "meta"),                          # an e-paper page's edition line
    ("我来说两句 0人参与,0条评论", "ui"),              # a comment box's counters
    ("0条 [查看全部]  相关评论", "ui"),
    ("第08版：要闻", "meta"),
    ("A3版 经济", "meta"),
    ("责任编辑：钱七", "tail"),
    ("顶一下", "tail"),                            # a vote box (顶一下 (0) 0% 踩一下 (0) 0%)
    ("温岭日报 要闻 a0001 首批9个小微企业创业园启动 2015-07-22 45664 2 2015年07月22日 星期三", "meta"),  # e-paper properties
])
def test_boilerplate_lines(line, why):
    """'meta' lines are mined for the date and paper, 'tail' lines cut what follows, the rest just go."""
    found = boilerplate(fold_all(line))
    assert found is not None
    if why != "drop":
        assert found == why


@pytest.mark.parametrize("line", [
    "今年1至7月，西岭高新区新签约项目23个，协议总投资达到86.5亿元。",
    "一、工业生产",
    "园区企业拥有发明专利120件，其中来源于高校合作的35件。",
    "坚持“招大商引好资” 培育新经济增长点",
    "新建道路5条，改造供水管网12公里，新增公交线路3条，方便群众出行。",
    "区委书记在会上强调：要把项目建设作为第一要务，确保全年目标任务完成。地址、电话等信息已向社会公开。",
    "资金来源：财政拨款3000万元，企业自筹2000万元",
    "为园区企业提供技术支持服务120余次",
    "新建无障碍设施23处",
    "本次活动主办单位为市商务局，共有45家企业参展",
])
def test_article_lines_are_not_boilerplate(line):
    assert boilerplate(line) is None


def fold_all(s: str) -> str:
    return "".join(fold(c) for c in s)


def test_related_articles_after_the_body_are_cut(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("园区动态\n日期：2019-04-02\n\n一季度，园区实现工业产值56亿元，增长8%，增速居全市前列，保持了良好的发展势头。\n"
                 "相关新闻\n园区去年实现产值210亿元\n园区新增企业30家\n", encoding="utf-8")
    a = read_article(f)
    assert [p.text for p in a.paragraphs] == ["一季度，园区实现工业产值56亿元，增长8%，增速居全市前列，保持了良好的发展势头。"]
    assert not a.headings


def test_share_bar_above_the_article_does_not_cut_it(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("园区动态\n2019-04-02\n分享到：微信 微博\n\n一季度，园区实现工业产值56亿元，增长8%。\n", encoding="utf-8")
    a = read_article(f)
    assert [p.text for p in a.paragraphs] == ["一季度，园区实现工业产值56亿元，增长8%。"]


def test_source_note_at_the_end_gives_the_paper(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("园区动态\n2019年4月2日\n\n一季度，园区实现工业产值56亿元，增长8%。\n（来源：东湖日报）\n", encoding="utf-8")
    a = read_article(f)
    assert a.paper == "东湖日报"
    assert len(a.paragraphs) == 1


def test_byline_and_continuation_markers_are_dropped(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("园区动态\n2019年4月2日\n本报记者 张三 通讯员 李四\n\n（上接第一版）一季度，园区实现工业产值56亿元。（下转第三版）\n",
                 encoding="utf-8")
    a = read_article(f)
    assert [p.text for p in a.paragraphs] == ["一季度，园区实现工业产值56亿元。"]
    assert_offsets_true(a)


# --------------------------------------------------------------------------- hard-wrapped lines and tables

def test_hard_wrapped_lines_join_into_paragraphs_and_headings_stay_apart():
    a = read_article(FIX / "wrapped.txt")
    assert a.title == "北川开发区去年经济运行情况"
    assert a.published == date(2018, 2, 6)
    assert [h.text for h in a.headings] == ["一、工业生产", "二、固定资产投资"]
    assert [p.text for p in a.paragraphs] == [
        "2017年，北川开发区规模以上工业企业实现增加值42.6亿元，比上年增长9.1%，增速较上年加快1.4个百分点。全区工业用电量达到3.8亿千瓦时。",
        "全年完成固定资产投资57.3亿元，增长11.2%。其中，工业投资31.5亿元，占全部投资的比重为55%。",
        "新开工亿元以上项目17个，竣工投产项目9个。",
    ]
    assert [p.section for p in a.paragraphs] == ["一、工业生产", "二、固定资产投资", "二、固定资产投资"]
    # A figure broken across lines maps back over the line break.
    p = a.paragraphs[1]
    i = p.text.index("11.2%")
    start, end = p.source_span(i, i + 5)
    assert a.source[start:end] == "11.2%"
    i = p.text.index("占全部投资")
    start, end = p.source_span(i, i + 5)
    assert a.source[start:end] == "占全部\n投资"


def test_wrapped_lines_with_indented_paragraph_starts(tmp_path):
    body = ("　　园区今年计划实施重点项目四十个，总投\n资一百二十亿元，其中新开工项目二十五个\n。\n"
            "　　截至六月底，已开工项目三十一个，完成\n投资六十八亿元，占年度计划的百分之五十\n七。\n")
    f = tmp_path / "2021-07-01.txt"
    f.write_text("园区项目建设\n\n" + body, encoding="utf-8")
    a = read_article(f)
    assert [p.text for p in a.paragraphs] == [
        "园区今年计划实施重点项目四十个，总投资一百二十亿元，其中新开工项目二十五个。",
        "截至六月底，已开工项目三十一个，完成投资六十八亿元，占年度计划的百分之五十七。",
    ]


def test_one_paragraph_per_line_is_not_taken_for_wrapping(tmp_path):
    lines = ["园区实现工业产值56亿元，增长8%。", "园区新增企业30家，其中高新技术企业12家。", "园区完成固定资产投资21亿元。",
             "园区实际利用外资1200万美元。", "园区新增就业岗位1500个。"]
    assert detect_wrap(source_lines("\n".join(lines))) is None
    f = tmp_path / "2021-07-01.txt"
    f.write_text("园区简讯\n" + "\n".join(lines) + "\n", encoding="utf-8")
    assert [p.text for p in read_article(f).paragraphs] == lines


def test_ascii_words_joined_across_a_line_break_keep_a_space():
    units = group_lines(source_lines("The park reported strong growth in the first quarter of\n"
                                     "the year and plans more investment in the second half.\n"), soft=True)
    assert len(units) == 1
    assert "quarter of the year" in units[0].text


def test_tab_separated_table_rows_are_paragraphs_with_tab_cells():
    a = read_article(FIX / "table.txt")
    texts = [p.text for p in a.paragraphs]
    assert "营业收入（亿元）\t120.5\t131.2" in texts
    assert "从业人员（人）\t7 315\t7 802" in texts
    assert a.published == date(2021, 1, 28)
    assert a.title == "青松园区2020年主要指标"


def test_space_aligned_table_rows(tmp_path):
    f = tmp_path / "2021-02-01.txt"
    f.write_text("园区指标\n\n项目    2019年    2020年\n产值    10.5    12.8\n", encoding="utf-8")
    a = read_article(f)
    assert "产值\t10.5\t12.8" in [p.text for p in a.paragraphs]
    assert_offsets_true(a)


# --------------------------------------------------------------------------- Markdown

def test_markdown_front_matter_and_markup():
    a = read_article(FIX / "front_matter.md")
    assert a.format == "markdown"
    assert a.title == "南湾园区2022年一季度经济简报"
    assert a.published == date(2022, 4, 15)
    assert a.paper == "南湾发布"
    assert a.url == "https://example.org/nanwan/2022/0415.html"
    assert a.source_id == a.url
    assert a.region == "南湾园区"
    assert a.edition == "第2版"
    assert [h.text for h in a.headings] == ["总体情况"]  # the '# title' line is the title, not a section
    texts = [p.text for p in a.paragraphs]
    assert texts[0] == "一季度，园区地区生产总值完成 38.2亿元，同比增长5.6%。详见统计公报。"
    assert "新增市场主体412户" in texts and "实际利用外资1.3亿美元" in texts
    assert "工业增加值\t21.7亿元" in texts
    assert not any("---" in t or "|" in t for t in texts)
    assert "PM_2.5平均浓度为33微克/立方米。" in texts
    assert all(p.section == "总体情况" for p in a.paragraphs)
    assert span_source(a, "38.2亿元") == "38.2亿元"


def test_markdown_id_and_chinese_keys(tmp_path):
    f = tmp_path / "note.md"
    f.write_text("---\n标题: 园区简讯\n日期: 2020年5月6日\n来源: 东湖日报\nid: 2020-0506-3\n---\n\n园区新增企业30家。\n",
                 encoding="utf-8")
    a = read_article(f)
    assert (a.title, a.published, a.paper, a.source_id) == ("园区简讯", date(2020, 5, 6), "东湖日报", "东湖日报/2020-0506-3")


def test_markdown_datetime_date(tmp_path):
    f = tmp_path / "note.md"
    f.write_text("---\ntitle: t\ndate: 2020-05-06 08:30:00\n---\n园区新增企业30家。\n", encoding="utf-8")
    assert read_article(f).published == date(2020, 5, 6)


def test_markdown_without_front_matter(tmp_path):
    f = tmp_path / "2020-05-06-note.md"
    f.write_text("# 园区简讯\n\n园区**新增**企业30家，*其中*外资企业4家。\n", encoding="utf-8")
    a = read_article(f)
    assert a.format == "markdown"
    assert a.title == "园区简讯"
    assert [p.text for p in a.paragraphs] == ["园区新增企业30家，其中外资企业4家。"]


def test_front_matter_must_be_a_mapping(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\n- a\n- b\n---\n正文。\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="mapping"):
        read_article(f)
    f.write_text("---\ntitle: [unclosed\n---\n正文。\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="YAML"):
        read_article(f)


def test_overrides_win_over_file_metadata():
    a = read_article(FIX / "front_matter.md", Overrides(date=date(2022, 5, 1), title="另一标题", source="另一报纸", region="某区"))
    assert (a.published, a.title, a.paper, a.region) == (date(2022, 5, 1), "另一标题", "另一报纸", "某区")


def test_source_override_names_the_paper_in_the_source_id():
    a = read_article(FIX / "wrapped.txt", Overrides(source="北川日报"))
    assert a.paper == "北川日报"
    assert a.source_id == "北川日报/wrapped"


# --------------------------------------------------------------------------- properties

_PIECES = st.sampled_from([
    "园区", "产值", "增长", "12.5%", "１２．５％", "亿元", "。", "，", "：", "\n", "\n\n", "\r\n", " ", "  ", "\t", "\u3000",
    "#", "**", "_", "|", "- ", "1. ", "[链接](http://x)", "来源：某报", "首页 > 新闻", "一、", "經濟", "(上接第一版)",
    "2021年3月4日", "&nbsp;", "<p>", "</p>", "\u200b", "版权所有", "2021-03-04",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=60), st.booleans())
def test_any_text_reads_with_true_offsets(pieces, markdown):
    source = "".join(pieces)
    body = digest(group_lines(source_lines(source, markdown=markdown)))
    article = Article(path="x", source=source, encoding="utf-8", sha256="", format="text", published=date(2020, 1, 1),
                      title="", source_id="x", paragraphs=body.paragraphs, headings=body.headings)
    if article.paragraphs or article.headings:
        assert_offsets_true(article)


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=200))
def test_decode_never_crashes(data):
    try:
        text, encoding = decode(data)
    except ArticleError:
        return
    assert encoding in ("utf-8", "utf-8-sig", "gb18030")
    assert text.strip()


# --------------------------------------------------------------------------- pipe tables, view counts, bylines

def test_a_pipe_table_in_plain_text_becomes_rows_of_cells(tmp_path):
    f = tmp_path / "2022-02-20_tables.txt"
    f.write_text("园区主要指标\n发布时间：2022-02-20\n\n园区近三年主要指标如下。\n\n"
                 "| 指标 | 2020 | 2021 |\n| --- | --- | --- |\n| 营业收入（亿元） | 41.2 | 47.9 |\n", encoding="utf-8")
    a = read_article(f)
    texts = [p.text for p in a.paragraphs]
    assert "指标\t2020\t2021" in texts and "营业收入（亿元）\t41.2\t47.9" in texts
    assert not any("---" in t for t in texts) and a.headings == []
    assert_offsets_true(a)


def test_a_nav_bar_with_pipes_is_not_a_table(tmp_path):
    f = tmp_path / "2022-02-20_nav.txt"
    f.write_text("首页 | 新闻中心 | 政务公开 | 办事服务\n园区动态\n发布时间：2022-02-20\n\n"
                 "今年以来，园区新签约项目12个，总投资56亿元，同比增长18%。\n", encoding="utf-8")
    a = read_article(f)
    assert [p.text for p in a.paragraphs] == ["今年以来，园区新签约项目12个，总投资56亿元，同比增长18%。"]


def test_view_counts_and_bylines_are_not_headings(tmp_path):
    f = tmp_path / "2021-11-05_byline.txt"
    f.write_text("2021年11月05日\n第07版:要闻\n\n园区经济稳中向好\n\n"
                 "河北日报记者王晨2021年11月05日第07版\n阅读：2187\n\n"
                 "前三季度，园区规上工业增加值同比增长7.9%，高于全省平均水平1.1个百分点。\n\n"
                 "本报记者 刘洋 通讯员 孙倩\n\n"
                 "园区新签约项目21个，总投资98亿元，为全年发展奠定基础。\n", encoding="utf-8")
    a = read_article(f)
    assert a.headings == []
    assert all(p.section is None for p in a.paragraphs)
    assert len(a.paragraphs) == 2


@pytest.mark.parametrize("line, byline", [
    ("本报记者 张三 通讯员 李四", True),
    ("河北日报记者陈晓2021年11月05日第07版", True),
    ("沧州日报记者 王强", True),
    ("记者从市统计局获悉，全市经济运行平稳。", False),
    ("园区产业发展", False),
])
def test_is_byline(line, byline):
    from ingest.reader import is_byline

    assert is_byline(line) is byline


# --------------------------------------------------------------------------- tables with bare pipes

def test_lines_of_cells_split_by_pipes_without_outer_pipes_are_table_rows(tmp_path):
    f = tmp_path / "2021-04-02_plan.txt"
    f.write_text("首页 | 政务动态 | 信息公开\n临港园区发展规划指标\n发布时间：2021-04-02\n\n"
                 "园区今后五年的主要发展指标见下表，各部门按职责推进落实。\n\n"
                 "指标名称 | 现状值 | 规划值 | 属性\n"
                 "工业总产值（亿元） | 152.4 | 260以上 | 预期性\n\n"
                 "规上企业数（家） | 87 | 约140 | 预期性\n", encoding="utf-8")
    a = read_article(f)
    texts = [p.text for p in a.paragraphs]
    assert texts[1:] == ["指标名称\t现状值\t规划值\t属性", "工业总产值（亿元）\t152.4\t260以上\t预期性",
                         "规上企业数（家）\t87\t约140\t预期性"]
    assert not any("政务动态" in t for t in texts) and a.title == "临港园区发展规划指标"
    assert_offsets_true(a)


@pytest.mark.parametrize("body", [
    "招商 | 服务 | 项目\n产业 | 人才 | 环境\n",           # two lines of words: menus, not a table
    "产值 | 12.5 | 13.8\n",                               # one line alone
    "产值 | 12.5 | 13.8\n税收 | 3.1\n",                    # separators differ in number
])
def test_pipes_without_a_run_of_rows_holding_numbers_are_not_a_table(tmp_path, body):
    f = tmp_path / "2021-04-02_menu.txt"
    f.write_text("园区动态\n发布时间：2021-04-02\n\n园区一季度完成工业产值46亿元，同比增长12%。\n\n" + body,
                 encoding="utf-8")
    a = read_article(f)
    assert not any("\t" in p.text for p in a.paragraphs)


def test_a_public_information_catalogue_record_gives_title_and_publisher(tmp_path: Path) -> None:
    path = tmp_path / "xxgk.txt"
    path.write_text("索引号：11223344/2016-00042\n信息分类：统计信息\n发布机构：示例市统计局\n"
                    "发布日期：2016-08-03\n文号：\n标题：上半年示例市开发区经济运行简析\n主题词：开发区 统计\n\n"
                    "上半年示例市开发区经济运行简析\n\n上半年，全市开发区实现营业收入320.5亿元，同比增长8.1%。\n",
                    encoding="utf-8")
    article = read_article(path)
    assert article.title == "上半年示例市开发区经济运行简析"
    assert article.paper == "示例市统计局"
    assert article.published.isoformat() == "2016-08-03"
    assert [p.text for p in article.paragraphs] == ["上半年，全市开发区实现营业收入320.5亿元，同比增长8.1%。"]
    assert not article.headings
