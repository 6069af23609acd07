"""Property tests over everything that reads untrusted text: the readers (any bytes, any front
matter, any HTML), the numeral reader and extraction. Whatever comes in, the only exception
is the project's own ArticleError, and what comes out holds its invariants: offsets inside
the text and reading the figure as written, finite values, periods that do not end before
they start. bench/fuzz.py runs the same properties with many more examples."""
from __future__ import annotations

import math
import os
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.extract import figures_in_text
from ingest.model import ArticleError
from ingest.numbers import parse_chinese, parse_number
from ingest.pipeline import figures_of, read_within_limits

# bench/fuzz.py raises the number of examples through ZONE_FUZZ_EXAMPLES.
FUZZ = settings(max_examples=int(os.environ.get("ZONE_FUZZ_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])

# Text made of the pieces articles are made of, so that examples reach deep into extraction.
PIECES = ["今年以来", "2021年", "1-8月", "截至6月底", "去年", "当年", "至年底", "昨天", "同比增长", "比上年", "下降",
          "占", "其中", "分别为", "、", "和", "，", "。", "；", "\n", "力争", "预计", "累计", "现有", "项目", "企业",
          "总投资", "亿元", "万元", "个", "家", "%", "个百分点", "倍", "成", "约", "超过", "以上", "左右", "至",
          "一", "二十", "三百", "万", "亿", "点五", "12", "3.5", "1,234", "０", "８", "年", "月", "日", "季度",
          "---", "title:", "date:", "<p>", "</p>", "<div>", "&amp;", "|", "\t", " "]
article_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=80).map("".join)


def check_figures(source: str, figures: list) -> None:
    for f in figures:
        assert 0 <= f.start < f.end <= len(source)
        assert math.isfinite(f.value) and (f.value_max is None or math.isfinite(f.value_max))
        if f.period_start and f.period_end:
            assert f.period_start <= f.period_end


@FUZZ
@given(article_text, st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_extraction_of_any_text_keeps_its_invariants(text: str, published: date) -> None:
    figures = figures_in_text(text, published)
    check_figures(text, figures)
    for f in figures:
        assert text[f.start:f.end] == f.text


@FUZZ
@given(st.binary(max_size=400) | article_text.map(lambda t: t.encode("utf-8")),
       st.sampled_from([".txt", ".md", ".html"]))
def test_reading_any_bytes_gives_an_article_or_an_article_error(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"a{suffix}"
    path.write_bytes(data)
    try:
        article = read_within_limits(path)
    except ArticleError:
        return
    check_figures(article.source, figures_of(article))


front_matter = st.dictionaries(st.sampled_from(["title", "date", "source", "url", "region", "page", "id", "x"]),
                               st.text(max_size=20) | st.integers() | st.just("2022-08-10") | st.just("[a, b]"),
                               max_size=6)


@FUZZ
@given(front_matter, article_text)
def test_any_front_matter_gives_an_article_or_an_article_error(tmp_path: Path, fields: dict, body: str) -> None:
    head = "\n".join(f"{k}: {v}" for k, v in fields.items())
    path = tmp_path / "a.md"
    path.write_text(f"---\n{head}\n---\n{body}\n", encoding="utf-8")
    try:
        article = read_within_limits(path)
    except ArticleError:
        return
    check_figures(article.source, figures_of(article))


tags = st.sampled_from(["p", "div", "span", "table", "tr", "td", "br", "script", "style", "!--", "h1", "article"])


@FUZZ
@given(st.lists(st.tuples(tags, article_text, st.booleans()), max_size=30))
def test_any_html_gives_an_article_or_an_article_error(tmp_path: Path, parts: list) -> None:
    body = "".join(f"<{t}>{text}" + (f"</{t}>" if close else "") for t, text, close in parts)
    path = tmp_path / "a.html"
    path.write_text(f"<html><head><title>开发区</title></head><body><p>2022年8月10日</p>{body}</body></html>",
                    encoding="utf-8")
    try:
        article = read_within_limits(path)
    except ArticleError:
        return
    check_figures(article.source, figures_of(article))


@FUZZ
@given(st.text(alphabet="零〇一二两三四五六七八九十百千万亿点", max_size=60))
def test_the_numeral_reader_never_fails(text: str) -> None:
    value = parse_chinese(text)
    assert value is None or value.is_finite()


@FUZZ
@given(st.text(alphabet="0123456789.,万亿千百十 ", max_size=60))
def test_any_arabic_number_with_multipliers_reads_or_is_refused(text: str) -> None:
    value = parse_number(text)
    assert value is None or value.is_finite()
