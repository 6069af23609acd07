"""Time phrases in their passage: find_time_mentions() reads a paragraph's phrases in order,
resolving 当年, 至年底, parts of a year and 昨天/当日 against the year or day the passage is
about, and deciding which phrases are bases of a comparison, horizons or event names."""
from __future__ import annotations

import re
from datetime import date, timedelta

from ingest.periods.model import Period, TimeMention, as_of, months_to, still_ahead, year_span
from ingest.periods.phrases import (
    _ASOF_BEFORE,
    _BASE_AFTER,
    _BASE_BEFORE,
    _DEADLINE_AFTER,
    _DENOMINATOR_AFTER,
    _DENOMINATOR_BEFORE,
    _MULTIPLE_BASE_AFTER,
    _MULTIPLE_BASE_BEFORE,
    _TIME,
    _UNTIL_BEFORE,
    _part_period,
    _resolve,
    _small,
)

_EVENT_NAME_AFTER = re.compile(
    # (今年各县(市、区)“两会”上，…: the year of the meetings, not of the results they reviewed)
    r"[^,，。;；!?！？\d]{0,30}?(?:洽谈会|推介会|博览会|交易会|论坛|峰会|大会|年会|展览会|招商会|发布会|投洽会|交流会|对接会|招聘会|签约活动|两会)"
    r"[”\"]?(?:在|于|近日|日前|昨天|今天|昨日|举行|召开|开幕|上|期间|现场|\d{1,2}日)"
    # 举行2018年第二批重点项目集中签约、开工、竣工活动: the year names the batch being held
    r"|第[一二三四五六七八九十\d]{1,2}批[^,，。;；!?！？\d]{0,20}?(?:活动|仪式|项目)")
_DONE_SO_FAR_AFTER = re.compile(r"(?:份|末|底)?(?:已累计|累计|已经|已)")
# 今年以来单月最高, 年内最低, 有统计以来新高: the range a record stands in.
# (为近两年的新高, 接近两年内的最高水平: the range a record is set in)
_RECORD_AFTER = re.compile(r"(?:内|以来)?的?(?:单月|月度|单季|季度|同期)?(?:最高|最低|最快|最好|最大|最多|新高|新低|峰值)")
# Projects carried over from a year (2024年结转项目, 2023年续建项目): the year names them.
_CARRIED_OVER_AFTER = re.compile(r"(?:度)?(?:结转|续建)")
# A year's goal named after what set or met it (完成省定全年任务目标, 下达全年计划).
_GOAL_NAME_AFTER = re.compile(r"(?:的)?(?:目标任务|任务目标|任务|目标|计划)")
_SET_GOAL_BEFORE = re.compile(r"(?:完成|省定|市定|下达|确定|定下)$")
# A trend carried on from an earlier period (延续了上半年良好的发展态势, 保持了去年以来的增长势头).
_CONTINUED_BEFORE = re.compile(r"(?:延续|保持|继续|承接|巩固)了?$")
_TREND_NOUN_AFTER = re.compile(r"(?:以来)?[^,，。;；\d]{0,10}?(?:态势|势头|趋势|走势)")
# What happened in a month before the figure (在10月由负转正后): the figure is of the time after it.
_THEN_AFTER = re.compile(r"份?[^,，。;；\d]{1,8}?后(?![期续面])")
# A part of the year with how the economy went in it, a clause of its own (二季度企稳回升，下半年持续发力，).
_TREND_AFTER = re.compile(r"(?:以来)?(?:企稳回升|止跌回升|稳步回升|持续回升|逐月回升|触底回升|持续发力|加速发力|持续向好|稳中向好|明显回暖|持续回暖"
                          r"|逐步回暖|逐月加快|逐月提高|逐季加快|逐季回升)[,，；;]")
# The day a reporter learned the figures from an office (not from an event: 从签约仪式上获悉).
_LEARNED_AFTER = re.compile(r"[,，]?\s*(?:上午|下午)?[,，]?\s*(?:记者|笔者)(?:从|在|自)(?:(?!仪式|现场|签约|开工|竣工|投产)[^,，。;；!?！？]){1,30}?"
                            r"(?:了解到|获悉|得知|获得)")
_LIST_NAME_AFTER = re.compile(r"[^,，。;；!?！？\d]{0,16}?(?:百强|十强|强榜|榜单|名单|排行榜|排名|入围|入选|上榜)(?:中|里|上|内|榜)?")
_RELEASE_PART = re.compile(r"季度|半年$")
_DAYS_BACK = {"昨天": 1, "昨日": 1, "前天": 2, "今天": 0, "今日": 0}
_YEAR_PARTS = ("全年", "年底", "年末")


def _relative_day(word: str, mentions: list[TimeMention], published: date, label: str,
                  passage_day: date | None = None) -> tuple[str, Period | None, tuple[int, ...]]:
    """昨天/前天/今天 count back from the article date; 当日/当天/同日 repeat the last day
    named before them (12月1日…，当日…), else the day of the event the passage reports, else
    the article date."""
    if word in _DAYS_BACK:
        return "asof", as_of(published - timedelta(days=_DAYS_BACK[word]), label), ()
    for prior in reversed(mentions):
        p = prior.period
        if prior.kind == "asof" and p is not None and p.start == p.end:
            return "asof", as_of(p.start, label), ()
    return "asof", as_of(passage_day or published, label), ()


def _day_of_month(day: int, published: date, label: str) -> tuple[str, Period | None, tuple[int, ...]] | None:
    """20日上午 in a report of 22 April: that day of the month, or of the month before when
    the day is still ahead (28日 in a report of 2 May)."""
    month_start = published.replace(day=1)
    if day > published.day:
        month_start = (month_start - timedelta(days=1)).replace(day=1)
    try:
        return "asof", as_of(month_start.replace(day=day), label), ()
    except ValueError:
        return None


def _year_named(m: re.Match[str], published: date) -> int | None:
    """The calendar year a phrase names outright: 2017年…, 去年…, 今年… (not a run of years)."""
    if m.group("abs"):
        return int(m.group("abs_y"))
    if m.group("rel") and m.group("rel_since") != "同期":
        word = m.group("rel_w")
        return published.year + {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "上一年": -1, "前年": -2, "明年": 1}[word]
    return None


def _passage_part(m: re.Match[str], year: int, label: str) -> tuple[str, Period | None, tuple[int, ...]]:
    """当年, 全年, (至)年底 in a passage about ``year``: that year, or its last day."""
    part = m.group("thatyear_part") if m.group("thatyear") else m.group("bare")
    if part in ("底", "末", "年底", "年末"):
        return "asof", as_of(date(year, 12, 31), label), ()
    return "span", year_span(year, label), ()


_START_VALUE_BEFORE = re.compile(r"[由从]$")
_START_VALUE_AFTER = re.compile(r"的[\d一二两三四五六七八九十]")


def last_named_year(mentions: list[TimeMention]) -> int | None:
    """The last year a paragraph names outright (the year a following passage is about)."""
    for m in reversed(mentions):
        if m.year is not None and m.kind not in ("base", "horizon"):
            return _year_reached(m)
    return None


def _year_reached(m: TimeMention) -> int | None:
    """The year a phrase brings the passage to: 2017年以来 runs on to the article's year."""
    return m.period.end.year if m.kind == "since" and m.period is not None else m.year


def last_framing_year(text: str, mentions: list[TimeMention]) -> int | None:
    """The year of the last phrase that frames what follows (2023年是…, 2023年，…, opening a
    sentence), not one inside a clause (延续上年度…态势)."""
    for m in reversed(mentions):
        if m.year is None or m.kind in ("base", "horizon"):
            continue
        if _FRAME_OPENS.search(text, 0, m.start) is not None or text[m.end:m.end + 1] in (",", "，", "是"):
            return _year_reached(m)
    return None


def find_time_mentions(text: str, published: date, passage_year: int | None = None,
                       passage_frame_year: int | None = None, passage_day: date | None = None) -> list[TimeMention]:
    """Every time phrase in ``text`` (a paragraph), in order, resolved against ``published``.

    ``passage_year`` is the year the paragraphs before were about (the last one they named):
    当年 and 至年底 with no year of their own in this paragraph fall back to it.
    ``passage_frame_year`` is the last year they were framed by (2023年是…): a part of a year
    with no year of its own (1—11月, 前三季度) in a later paragraph is of that year when it
    is over. ``passage_day`` is the day of the event the passage reports (6月18日上午，…举办
    集中开工仪式。⏎ 当日，…58个项目集中签约): 当日 with no day before it in this paragraph is that day."""
    mentions: list[TimeMention] = []
    for m in _TIME.finditer(text):
        try:
            mention = _mention(m, text, published, mentions, passage_year, passage_frame_year, passage_day)
        except (ValueError, OverflowError):
            continue  # 去年 in an article dated 0001-01-01, 明年 in 9999: no calendar date to give
        if mention is not None:
            mentions.append(mention)
    return mentions


def _resolved_in_passage(m: re.Match[str], text: str, published: date, mentions: list[TimeMention],
                         passage_year: int | None, passage_frame_year: int | None, passage_day: date | None = None
                         ) -> tuple[str, Period | None, tuple[int, ...]] | None:
    """A phrase's (kind, period, years), reading 昨天/当日, 当年, 年底 and parts of a year with
    no year of their own against the day or year the passage is about."""
    year_in_force = last_named_year(mentions)
    if m.group("day"):
        return _relative_day(m.group("day"), mentions, published, m.group(), passage_day)
    if m.group("mday"):
        return _day_of_month(int(m.group("mday_n")), published, m.group())
    if m.group("thatyear"):
        return _passage_part(m, year_in_force or passage_year or published.year, m.group())
    if m.group("thatmonth"):
        month = next((x.period for x in reversed(mentions) if x.kind == "span" and x.period is not None
                      and x.period.start.day == 1 and x.period.start.month == x.period.end.month
                      and x.period.start.year == x.period.end.year), None)
        if month is None:
            # 1-5月，…产值4568.3亿元，其中当月实现产值1001.1亿元: the last month of the months so far
            window = next((x.period for x in reversed(mentions) if x.kind == "span" and x.period is not None
                           and (x.period.start.month, x.period.start.day) == (1, 1)
                           and x.period.start.year == x.period.end.year), None)
            if window is not None:
                month = Period(window.end.replace(day=1), window.end, m.group())
        return ("span", Period(month.start, month.end, m.group()), ()) if month is not None else None
    if m.group("bare") in ("年底", "年末") and not m.group("bare_since") and \
            (year_in_force is not None or passage_year is not None):
        # 2017年，…。至年底，… / 当年…，全年…: the year the passage is about, not the article's
        return _passage_part(m, year_in_force or passage_year or published.year, m.group())
    resolved = _resolve(m, published, text)
    if not m.group("bare") or m.group("bare_since") or m.group("bare") in ("全年", "底", "末", "年初") \
            or resolved is None or resolved[0] == "horizon":
        return resolved
    # The year framed earlier in this paragraph; or, in a report of the first quarter (a work
    # report in January), the closed year the paragraphs before were framed by.
    carried = passage_frame_year if year_in_force is None and published.month <= 3 else None
    closed_year = last_framing_year(text, mentions) or carried
    if closed_year is not None and closed_year < published.year:
        # 2023年以来工作回顾 … 1—11月固定资产投资增长17.9% read in January 2024
        part = _part_period(closed_year, m, "b", m.group("bare"), m.group())
        return (part[0], part[1], ()) if part is not None else resolved
    p = resolved[1]
    if p is not None and p.end > published and published.month <= 3 and p.start.month == 1 \
            and p.end.month >= published.month + 3:
        # 1—11月… in a January report: the months of the year just closed
        return resolved[0], Period(p.start.replace(year=published.year - 1), p.end.replace(year=published.year - 1),
                                   m.group()), ()
    return resolved


def _names_something_else(m: re.Match[str], text: str) -> bool:
    """Words read as a time phrase that name something else, so they date nothing."""
    start, end = m.start(), m.end()
    if _EVENT_NAME_AFTER.match(text, end):
        return True  # 2023年…项目推介洽谈会近日举行: the year names the event
    if m.group("abs") and _CARRIED_OVER_AFTER.match(text, end):
        return True  # 截至3月底，在库项目18个，其中2024年结转项目13个: the year names the projects carried over
    goal_named = _GOAL_NAME_AFTER.match(text, end) if m.group("bare") in ("全年", "年度") else None
    if goal_named is not None and (not goal_named.group().endswith("计划")
                                   or _SET_GOAL_BEFORE.search(text, max(0, start - 4), start)):
        return True  # 提前1个月完成省定全年任务目标: the year's goal by its name
    if _CONTINUED_BEFORE.search(text, max(0, start - 6), start) and _TREND_NOUN_AFTER.match(text, end):
        return True  # 今年前三季度，…继续延续了上半年良好的发展态势，GDP增幅达9.7%: the earlier trend
    if text.endswith("在", 0, start) and _THEN_AFTER.match(text, end):
        return True  # 生物领域在10月由负转正后继续提高0.6个百分点: the month of a turn, the figure is after it
    if _TREND_AFTER.match(text, end):
        return True  # 工业二季度企稳回升，下半年持续发力，…工业投资增长3.3%: the course of the year told
    # 9月份…增长9.2%，为今年以来单月最高增速: the range a record is set in
    return _RECORD_AFTER.match(text, end) is not None


def _mention(m: re.Match[str], text: str, published: date, mentions: list[TimeMention],
             passage_year: int | None, passage_frame_year: int | None,
             passage_day: date | None = None) -> TimeMention | None:
    """One time phrase resolved in its paragraph, or None when it is not one after all."""
    if _names_something_else(m, text):
        return None
    resolved = _resolved_in_passage(m, text, published, mentions, passage_year, passage_frame_year, passage_day)
    if resolved is None:
        return None
    kind, period, years = resolved
    if kind == "asof" and period is not None and period.start == period.end and _LEARNED_AFTER.match(text, m.end()):
        return None  # 1月25日，记者从市商务局了解到，…全市外贸进出口完成596.3亿美元: the day the news was had
    if m.group("bare") == "全年" and not m.group("bare_since"):
        closed = _closed_year_frame(text, mentions, published)
        if closed is None and last_named_year(mentions) is None and passage_year is not None \
                and passage_year < published.year:
            closed = passage_year  # a bulletin on 2015 published later: 全年 is 2015 throughout
        if closed is not None:
            kind, period, years = "span", year_span(closed, m.group()), ()
    before = text[max(0, m.start() - 4):m.start()]
    after = text[m.end():m.end() + 4]
    if _DENOMINATOR_BEFORE.search(before) and _DENOMINATOR_AFTER.match(after):
        return None
    multiple_base = _MULTIPLE_BASE_BEFORE.search(before) is not None and _MULTIPLE_BASE_AFTER.match(text, m.end())
    base = None
    # 增速分别高于上年同期、2017年全年0.1、0.9个百分点: a later member of a list of bases
    listed_base = bool(mentions) and mentions[-1].kind in ("base", "prior") and text[mentions[-1].end:m.start()] in ("、", "和", "及")
    if kind not in ("horizon",) and (_BASE_BEFORE.search(before) or _BASE_AFTER.match(text, m.end()) or multiple_base
                                     or listed_base):
        base = period if _BASE_BEFORE.search(before) and not multiple_base else None
        kind, period, years = "base", None, ()
    elif period is not None and (_ASOF_BEFORE.search(before) or (_UNTIL_BEFORE.search(before) and period.end <= published)) \
            and kind == "span" \
            and not _RELEASE_PART.search(m.group()):
        # 截至6月, 截至2021年: the day it closes; 截至一季度 names the release window and stays one
        kind, period = "asof", as_of(period.end, before.strip()[-2:] + period.label)
    elif period is not None and still_ahead(kind, period, published) and not _LIST_NAME_AFTER.match(text, m.end()):
        kind = "horizon"  # (2023年园区高质量发展百强中，…占52席: the year names a list, not a goal)
    if kind == "span" and _DONE_SO_FAR_AFTER.match(text, m.end()):
        # 12月已完成投资6.2亿元: done by that month, counted from the year's start
        period = months_to(period) or period
    deadline = kind == "horizon" and _DEADLINE_AFTER.match(text, m.end()) is not None
    window = 0
    if kind == "span" and (m.group("recent") or m.group("ago") or m.group("count")):
        window = _small(m.group("recent_n") or m.group("ago_n") or m.group("count_n")) or 1
    named = _year_named(m, published)
    if named is None and (m.group("thatyear") or m.group("bare") in _YEAR_PARTS) and period is not None:
        named = period.end.year
    if _START_VALUE_BEFORE.search(before) and _START_VALUE_AFTER.match(text, m.end()):
        named = None  # 由2019年的4.6:45.7:49.7调整为…: the year of a starting value is not what the passage is about
    return TimeMention(m.start(), m.end(), kind, period, years, deadline, window, named, base)


# (根据地区生产总值统一核算结果，2021年全区实现生产总值752.14亿元: a clause saying where the figures come from
# may open the sentence before its year)
_FRAME_OPENS = re.compile(r"(?:^|[。！？!?；;\n])\s*(?:在|于|据[^,，。；;]{0,12}[,，]|根据[^,，。；;]{0,20}[,，])?$")


def _closed_year_frame(text: str, mentions: list[TimeMention], published: date) -> int | None:
    """The closed calendar year the paragraph is framed by when 全年 is met (2015年，全区…。全年专利
    申请量… in June 2016): the year of the latest framing phrase so far, when it names a whole
    year that is over by the article date. A framing phrase opens a sentence or is a clause of
    its own (2015年，); one inside a clause (申报2015年项目) frames nothing."""
    for prior in reversed(mentions):
        if prior.kind in ("base", "prior") or prior.period is None:
            continue
        opens = _FRAME_OPENS.search(text, 0, prior.start) is not None
        own_clause = text[prior.end:prior.end + 1] in (",", "，")
        if not (opens or own_clause):
            continue
        p = prior.period
        if prior.kind == "span" and not prior.window and p.start == date(p.start.year, 1, 1) \
                and p.end == date(p.start.year, 12, 31) and p.end < published:
            return p.start.year
        return None
    return None
