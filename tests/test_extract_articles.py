"""Extraction measured on our own articles in the styles real inputs come in.

These are regression floors, not accuracy: the rules were written while looking at these
articles (accuracy is measured on real articles annotated beforehand, see eval/). Each
article in tests/fixtures/articles has a hand-made gold file of the same stem in
tests/fixtures/gold (see tests/fixtures/README.md). The floors below are a ratchet: each
is the strict F1 the extractor reached when it was recorded (never below 0.80), so a
change that loses quality on any style fails here. Raise a floor when the extractor
improves; lower one only with a reason in the commit message.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from scoring import GoldError, load_gold, resolve_gold, score

from ingest.extract import extract_figures
from ingest.reader import read_article

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = FIXTURES / "articles"
GOLD = FIXTURES / "gold"

# article file -> strict F1 floor (recorded 2026-11-26 at 1.00 on every article)
STRICT_F1_FLOOR: dict[str, float] = {
    "2012-05-18_czgov_czkfq_jan_apr.txt": 1.00,
    "2013-09-16_hkcd_lingang.txt": 1.00,
    "2014-07-25_czswj_kfq_h1.html": 1.00,
    "2016-01-20_btkfq_gzzj_2015.txt": 1.00,
    "2017-06-20_gxq_gov_jjyx.txt": 1.00,
    "2019-03-12_czrb_content_27315.html": 1.00,
    "2019-03-22_czstats_bulletin_2018.md": 1.00,
    "2020-09-08_czrb_content_41872.txt": 1.00,
    "2021-11-05_hbrb_content_512734.html": 1.00,
    "2023-02-15_czxww_czkfq_2025.md": 1.00,
}
MIN_FLOOR = 0.80

ARTICLE_NAMES = sorted(STRICT_F1_FLOOR)


def gold_path(name: str) -> Path:
    return GOLD / (Path(name).stem + ".jsonl")


def decoded(name: str) -> str:
    """The file's text as gold quotes see it: UTF-8 (BOM dropped), else GB18030."""
    data = (ARTICLES / name).read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def test_every_fixture_has_gold_and_a_floor() -> None:
    articles = {p.name for p in ARTICLES.iterdir() if p.is_file()}
    golds = {p.name for p in GOLD.glob("*.jsonl")}
    assert articles == set(STRICT_F1_FLOOR)
    assert golds == {gold_path(a).name for a in articles}
    assert all(f >= MIN_FLOOR for f in STRICT_F1_FLOOR.values())


@pytest.mark.parametrize("name", ARTICLE_NAMES)
def test_gold_fits_its_article(name: str) -> None:
    """Every quote is where its occurrence says, and a perfect extraction scores 1.0."""
    source = decoded(name)
    rows = load_gold(gold_path(name))
    gold = resolve_gold(source, rows)
    assert len({(g.start, g.end) for g in gold}) == len(gold), "two gold figures on one span"
    assert [r["id"] for r in rows] == list(range(1, len(rows) + 1))
    for row in rows:
        assert row["qualifier"] in ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range",
                                    "order_of_magnitude")
        assert row["kind"] in ("level", "share", "change", "target")
        assert (row["kind"] == "change") == ("direction" in row)
        assert (row["qualifier"] == "range") == ("value_max" in row)
    perfect = [{"start": g.start, "end": g.end, "value": g.value, "unit": g.unit, "qualifier": g.qualifier,
                "kind": g.kind, "period_start": g.periods[0][0] if g.periods else None,
                "period_end": g.periods[0][1] if g.periods else None} for g in gold]
    result = score(source, rows, perfect)
    assert (result.fp, result.fn, result.strict_f1) == (0, 0, 1.0), result.report()


def test_scorer_punishes_wrong_unit_value_and_period() -> None:
    source = "2021年,该产业产值32.21亿元,占总产值的20%。"
    rows = [
        {"id": 1, "quote": "32.21亿元", "value": 3221000000, "unit": "元", "qualifier": "exact", "kind": "level",
         "period": "2021"},
        {"id": 2, "quote": "20%", "value": 20, "unit": "%", "qualifier": "exact", "kind": "share", "period": "2021"},
    ]
    at = source.index
    right = [{"start": at("32.21"), "end": at("32.21") + 7, "value": 3221000000, "unit": "元", "qualifier": "exact",
              "kind": "level", "period_start": "2021-01-01", "period_end": "2021-12-31"},
             {"start": at("20%"), "end": at("20%") + 3, "value": 20, "unit": "%", "qualifier": "exact",
              "kind": "share", "period_start": "2021-01-01", "period_end": "2021-12-31"}]
    assert score(source, rows, right).strict_f1 == 1.0
    wrong_unit = [dict(right[0], unit="美元"), right[1]]
    assert (score(source, rows, wrong_unit).tp, score(source, rows, wrong_unit).fp) == (1, 1)
    wrong_value = [dict(right[0], value=32.21), right[1]]
    assert score(source, rows, wrong_value).fn == 1
    wrong_period = [dict(right[0], period_end="2021-08-10"), right[1]]
    result = score(source, rows, wrong_period)
    assert (result.f1, result.strict_tp) == (1.0, 1)
    year = [{"start": at("2021"), "end": at("2021") + 4, "value": 2021, "unit": "年"}] + right
    assert score(source, rows, year).fp == 1
    with pytest.raises(GoldError):
        score(source, [dict(rows[0], occurrence=2)], right)


def test_scorer_neutral_for_optional_gold_and_metadata_lines() -> None:
    source = "2022年08月10日\n\n近两年,产值增长5%。\n\n2022-08-10 1 1 沧州日报 content_1.html 1 产值增长5% /enpproperty-->\n"
    rows = [
        {"id": 1, "quote": "两年", "value": 2, "unit": "年", "qualifier": "exact", "kind": "level",
         "period": "2020-08-10/2022-08-10", "optional": True},
        {"id": 2, "quote": "5%", "value": 5, "unit": "%", "qualifier": "exact", "kind": "change", "direction": "up",
         "period": "2022-08-10"},
    ]
    five = source.index("5%")
    tail = source.rindex("5%")
    preds = [{"start": five, "end": five + 2, "value": 5, "unit": "%", "qualifier": "exact", "kind": "change",
              "period_start": "2022-08-10", "period_end": "2022-08-10"},
             {"start": tail, "end": tail + 2, "value": 5, "unit": "%"},
             {"start": source.index("两年"), "end": source.index("两年") + 2, "value": 2, "unit": "年"}]
    result = score(source, rows, preds)
    assert (result.tp, result.fp, result.fn, result.strict_f1) == (1, 0, 0, 1.0)
    assert score(source, rows, preds[:1]).strict_f1 == 1.0


@pytest.mark.parametrize("name", ARTICLE_NAMES)
def test_fixture_article_stays_above_its_regression_floor(name: str) -> None:
    article = read_article(ARTICLES / name)
    assert article.source == decoded(name), "offsets must point into the file's own text"
    figures = extract_figures(article)
    for f in figures:
        assert f.text == article.source[f.start:f.end], f
    result = score(article.source, load_gold(gold_path(name)), figures)
    floor = STRICT_F1_FLOOR[name]
    assert result.strict_f1 >= floor, f"{name}: strict F1 {result.strict_f1:.4f} < floor {floor}\n{result.report()}"


def test_the_seed_stays_at_its_regression_floor() -> None:
    """The seed article (articles/) against its gold (a copy of ../shared/eval/gold): 1.0, the
    floor every rule change must keep."""
    seed = Path(__file__).resolve().parent.parent / "articles" / "2022-08-10_czrb_content_66129.txt"
    article = read_article(seed)
    result = score(article.source, load_gold(FIXTURES / "seed_gold.jsonl"), extract_figures(article))
    assert result.strict_f1 == 1.0, result.report()
