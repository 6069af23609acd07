"""Time phrases resolved against the article date."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.periods import find_time_mentions

AUG = date(2022, 8, 10)


def only(text: str, published: date = AUG) -> tuple[str, tuple[str, str] | None]:
    mentions = find_time_mentions(text, published)
    assert len(mentions) == 1, mentions
    m = mentions[0]
    return m.kind, (m.period.iso() if m.period else None)


@pytest.mark.parametrize("text, kind, period", [
    ("2021年该产业贡献产值", "span", ("2021-01-01", "2021-12-31")),
    ("2021年以来，共办理", "since", ("2021-01-01", "2022-08-10")),
    ("今年以来，储备项目", "since", ("2022-01-01", "2022-08-10")),
    ("今年1-4月，全市", "span", ("2022-01-01", "2022-04-30")),
    ("1至4月，全市", "span", ("2022-01-01", "2022-04-30")),
    ("前三个月，全市", "span", ("2022-01-01", "2022-03-31")),
    ("一季度，全市", "span", ("2022-01-01", "2022-03-31")),
    ("上半年，全市", "span", ("2022-01-01", "2022-06-30")),
    ("截至4月28日已全部拆除", "asof", ("2022-04-28", "2022-04-28")),
    ("截至6月底，全区", "asof", ("2022-06-30", "2022-06-30")),
    ("截至2021年底，全市", "asof", ("2021-12-31", "2021-12-31")),
    ("截至目前，新材料产业园", "asof", ("2022-08-10", "2022-08-10")),
    ("目前，共有企业", "asof", ("2022-08-10", "2022-08-10")),
    ("去年，全市", "span", ("2021-01-01", "2021-12-31")),
    ("2018年5月以来", "since", ("2018-05-01", "2022-08-10")),
    ("“十三五”期间", "span", ("2016-01-01", "2020-12-31")),
    ("近两年，实施", "span", ("2021-01-01", "2022-08-10")),
    ("近3年来，累计", "span", ("2020-01-01", "2022-08-10")),
    ("三年来，园区", "span", ("2020-01-01", "2022-08-10")),
])
def test_resolves_time_phrases(text: str, kind: str, period: tuple[str, str]) -> None:
    assert only(text) == (kind, period)


@pytest.mark.parametrize("text, period", [
    ("到2025年，力争", ("2025-01-01", "2025-12-31")),
    ("利用5至10年的时间，使", ("2027-01-01", "2032-12-31")),
    ("“十四五”期间，累计", ("2021-01-01", "2025-12-31")),
])
def test_future_time_is_a_target_horizon(text: str, period: tuple[str, str]) -> None:
    assert only(text) == ("horizon", period)


@pytest.mark.parametrize("text", ["比去年同期增长5%", "比上年增长", "较2020年下降", "与2019年相比"])
def test_comparison_bases_set_no_period(text: str) -> None:
    assert only(text) == ("base", None)


def test_quarters_resolve_in_the_articles_year() -> None:
    assert only("前三季度，全市", date(2022, 11, 5)) == ("span", ("2022-01-01", "2022-09-30"))
    # months still to run when the article appeared: what is said of it is a plan
    assert only("2022年，全区", AUG)[0] == "horizon"
    assert only("2022年，全区", date(2022, 12, 20))[0] == "span"


def test_year_statistics_published_early_next_year() -> None:
    assert only("全年完成主营业务收入", date(2016, 1, 20)) == ("span", ("2015-01-01", "2015-12-31"))


def test_a_month_not_yet_begun_is_last_years() -> None:
    assert only("11月份，全市", date(2022, 1, 15)) == ("span", ("2021-11-01", "2021-11-30"))


def test_year_range_and_year_list_give_one_year_each() -> None:
    for text in ("2019年至2021年分别实现", "2019年、2020年和2021年，"):
        (m,) = find_time_mentions(text, AUG)
        assert m.kind == "years" and m.years == (2019, 2020, 2021)


def test_plain_years_and_names_are_not_times() -> None:
    assert find_time_mentions("十八中学招生，九河路提升，长三角地区", AUG) == []


@settings(max_examples=300)
@given(st.text(max_size=120))
def test_never_crashes_on_arbitrary_text(text: str) -> None:
    for m in find_time_mentions(text, AUG):
        assert 0 <= m.start < m.end <= len(text)
        if m.period is not None:
            assert m.period.start <= m.period.end


def test_since_a_year_after_the_article_dates_nothing():
    from datetime import date as _date

    from ingest.periods import find_time_mentions

    assert find_time_mentions("2021年以来,签约项目12个。", _date(2012, 5, 1)) == []


@pytest.mark.parametrize("text", ["完成全年任务的78.2%", "占全年目标的81%", "达到全年计划的九成"])
def test_the_year_of_a_plan_measured_against_is_not_a_time(text: str) -> None:
    assert find_time_mentions(text, date(2022, 10, 20)) == []


def test_a_deadline_still_ahead_stays_in_this_year() -> None:
    (m,) = find_time_mentions("力争10月底前全部投产", AUG)
    assert (m.kind, m.period.iso(), m.deadline) == ("horizon", ("2022-10-31", "2022-10-31"), True)
    # without 前 a month not yet reached is last year's (a January article's 11月份)
    assert only("11月份，全市", date(2022, 1, 15))[0] == "span"


@pytest.mark.parametrize("text, published, period", [
    ("2月份以来，全区", date(2021, 5, 20), ("2021-02-01", "2021-05-20")),
    ("3月以来，全县", date(2021, 5, 20), ("2021-03-01", "2021-05-20")),
    ("4月中旬以来，园区", date(2021, 5, 20), ("2021-04-01", "2021-05-20")),
    ("今年4月下旬以来，园区", date(2021, 5, 20), ("2021-04-01", "2021-05-20")),
    ("2019年9月上旬以来，园区", date(2021, 5, 20), ("2019-09-01", "2021-05-20")),
    ("10月份以来，全市", date(2021, 1, 12), ("2020-10-01", "2021-01-12")),
    ("二季度以来，全市", date(2021, 8, 3), ("2021-04-01", "2021-08-03")),
    ("6月至今，全市", date(2021, 8, 3), ("2021-06-01", "2021-08-03")),
])
def test_since_a_month_or_quarter_with_no_year(text: str, published: date, period: tuple[str, str]) -> None:
    assert only(text, published) == ("since", period)


@pytest.mark.parametrize("text, published, period", [
    ("春节以来，全县", date(2021, 3, 30), ("2021-02-12", "2021-03-30")),
    ("春节以来，全县", date(2019, 1, 20), ("2018-02-16", "2019-01-20")),  # this year's is still ahead
    ("国庆节以来，全县", date(2020, 11, 2), ("2020-10-01", "2020-11-02")),
    ("元旦至今，全县", date(2020, 2, 2), ("2020-01-01", "2020-02-02")),
])
def test_since_a_holiday(text: str, published: date, period: tuple[str, str]) -> None:
    assert only(text, published) == ("since", period)


def test_thirds_of_a_month_without_since_are_ten_day_spans() -> None:
    assert only("5月中旬，全市", date(2021, 8, 3)) == ("span", ("2021-05-11", "2021-05-20"))
    assert only("2月下旬，全市", date(2021, 8, 3)) == ("span", ("2021-02-21", "2021-02-28"))


@pytest.mark.parametrize("text", ["现在，园区", "如今，园区", "眼下，园区", "当前，园区"])
def test_now_words_are_the_article_date(text: str) -> None:
    assert only(text) == ("asof", (AUG.isoformat(), AUG.isoformat()))


@pytest.mark.parametrize("text", ["成效体现在三个方面", "问题表现在用工上", "实现在线办理"])
def test_xianzai_inside_a_word_is_not_now(text: str) -> None:
    assert find_time_mentions(text, AUG) == []


def test_since_a_day_still_ahead_dates_nothing() -> None:
    # 今年末至今 in February: the year's end has not come, so there is no stretch up to now.
    assert find_time_mentions("今年末至今，全区", date(2016, 2, 22)) == []


# --- runs of years counted back ---------------------------------------------------------

@pytest.mark.parametrize("text, published, window, period", [
    ("这五年累计投入资金", date(2021, 3, 2), 5, ("2017-01-01", "2021-03-02")),
    ("三年来，园区坚持", date(2021, 3, 2), 3, ("2019-01-01", "2021-03-02")),
    ("近四年，园区坚持", date(2021, 3, 2), 4, ("2018-01-01", "2021-03-02")),
    ("两年间共引进企业", date(2021, 3, 2), 2, ("2020-01-01", "2021-03-02")),
])
def test_runs_of_years_carry_their_length(text: str, published: date, window: int,
                                          period: tuple[str, str]) -> None:
    [m] = find_time_mentions(text, published)
    assert (m.kind, m.window, m.period.iso()) == ("span", window, period)


@pytest.mark.parametrize("text", ["2020年，园区产值", "上半年，园区产值", "三年行动计划顺利收官", "第三年累计"])
def test_years_that_are_not_counted_back_have_no_window(text: str) -> None:
    assert all(m.window == 0 for m in find_time_mentions(text, date(2021, 3, 2)))


# --- since a founding event ----------------------------------------------------------------

@pytest.mark.parametrize("text, period", [
    ("自2003年两市合作共建园区以来，共引进企业", ("2003-01-01", "2019-05-01")),
    ("从2011年被批准为国家级开发区以来，园区", ("2011-01-01", "2019-05-01")),
    ("园区2008年设立以来，累计", ("2008-01-01", "2019-05-01")),
    ("自2014年9月正式开园以来，入驻", ("2014-09-01", "2019-05-01")),
])
def test_since_a_founding_year_runs_from_its_first_day_to_the_article_date(
        text: str, period: tuple[str, str]) -> None:
    [m] = find_time_mentions(text, date(2019, 5, 1))
    assert (m.kind, m.period.iso()) == ("since", period)


def test_a_founding_clause_with_no_year_dates_nothing() -> None:
    assert find_time_mentions("建区以来，累计引进企业", date(2019, 5, 1)) == []


@pytest.mark.parametrize("text, year", [
    ("自2016年，园区推行一窗受理，以来", 2016),   # a comma ends the clause before 以来
    ("园区2017年引进企业120家以来", 2017),         # a figure in between: not a founding clause
])
def test_a_founding_clause_must_be_one_clause_without_figures(text: str, year: int) -> None:
    [m] = find_time_mentions(text, date(2019, 5, 1))
    assert (m.kind, m.period.iso()) == ("span", (f"{year}-01-01", f"{year}-12-31"))


def test_a_founding_year_after_the_article_dates_nothing() -> None:
    assert all(m.kind != "since" for m in find_time_mentions("自2025年园区扩区以来，", date(2019, 5, 1)))


# --- 全年 under a closed year that frames the paragraph ---------------------------------------

def _whole_year(text: str, published: date) -> tuple[str, tuple[str, str]]:
    [m] = [m for m in find_time_mentions(text, published) if m.period is not None and m.period.label == "全年"]
    return m.kind, m.period.iso()


def test_whole_year_after_a_closed_year_clause_is_that_year() -> None:
    text = "2017年，开发区外贸稳中有进。全年进出口总额增长9%。"
    assert _whole_year(text, date(2018, 7, 2)) == ("span", ("2017-01-01", "2017-12-31"))


def test_whole_year_without_a_closed_year_frame_keeps_its_own_reading() -> None:
    # no frame: 全年 in July looks ahead to the article's year
    assert _whole_year("全年进出口总额力争增长9%。", date(2018, 7, 2)) == ("horizon", ("2018-01-01", "2018-12-31"))
    # a year inside a clause (申报2017年…) frames nothing
    assert _whole_year("园区申报2017年专项资金。全年进出口总额力争增长9%。", date(2018, 7, 2))[0] == "horizon"
    # a later frame of the current year wins over the closed year said first
    text = "2017年，开发区外贸稳中有进。今年以来，园区订单回升，全年进出口额有望增长9%。"
    assert _whole_year(text, date(2018, 7, 2))[1] == ("2018-01-01", "2018-12-31")
