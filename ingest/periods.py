"""Time phrases of Chinese news text, resolved against the article's date.

find_time_mentions() returns every time phrase in a paragraph with what it means:

- span:    a stretch of time a flow figure covers (2021年, 今年1-4月, 上半年, 十四五);
- asof:    a day a stock figure is counted at (截至4月28日, 截至6月底, 目前);
- since:   from a start to the article date (2021年以来, 今年以来, 3月份以来, 春节以来,
           自1994年…合作开发以来, 2006年设立以来);
- years:   a run of years whose figures follow one per year (2019年至2021年分别…);
- base:    the other side of a comparison (比上年, 较去年同期, 与2020年相比) — sets no period;
- horizon: the time by which a target is to be met (到2025年, 利用5至10年的时间);
- prior:   去年同期 standing alone — the period in force, one year earlier.

Runs of years counted back (近三年, 三年来, 五年累计) are spans up to the article date and
carry their length in ``window``, so that ingest.extract can count them back from the year
a review speaks of instead.

A mention whose period lies after the article date is a horizon whatever its wording.
Which figures a mention governs is decided by ingest.extract.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

KINDS = ("span", "asof", "since", "years", "base", "horizon", "prior")

_CN_SMALL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
             "十": 10, "十一": 11, "十二": 12}
# Five-year plans: the n-th plan covers 1953 + 5 * (n - 1) .. + 4.
_PLANS = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}

_Y = r"(?:19|20)\d{2}"
_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_D = r"(?:3[01]|[12]\d|0?[1-9])"
_N = r"(?:\d{1,2}|十[一二]?|[一二两三四五六七八九])"
_DASH = r"(?:-|—|–|~|～|－|至|到)"
# What a zone or project began with: 2006年设立以来, 2010年获批以来 (with 自/从 any short clause will do).
_FOUNDING = r"(?:设立|成立|建立|创建|组建|获批|批准|开园|挂牌|启动|建区|建园|升级|开发|运营|投产|开工|落户|实施)"
_PART = (r"(?:上半年|下半年|前三季度|前两季度|第?(?P<@q>[一二三四1-4])季度|前(?P<@n>" + _N + r")个?月份?"
         r"|(?P<@m1>" + _M + r")\s*(?:月份?)?\s*" + _DASH + r"\s*(?P<@m2>" + _M + r")\s*月份?(?!\s*\d{1,2}\s*[日号])"
         r"|(?P<@m>" + _M + r")\s*月(?:份)?(?:(?P<@d>" + _D + r")\s*[日号]|(?P<@edge>底|末|初|上旬|中旬|下旬))?"
         r"|全年|年底|年末|年初|底|末)")


def _part(prefix: str) -> str:
    """The part-of-year pattern with its group names made unique under ``prefix``."""
    return _PART.replace("(?P<@", f"(?P<{prefix}_")


_TIME = re.compile(
    "|".join([
        rf"(?P<yrange>(?P<yr1>{_Y})\s*年?(?:度)?\s*{_DASH}\s*(?P<yr2>{_Y})\s*年(?:度)?)",
        rf"(?P<ylist>{_Y}年?(?:(?:、|和|及|与|以及){_Y}年?)*(?:、|和|及|与|以及){_Y}年)",
        rf"(?P<found>(?:[自从](?P<found_y1>{_Y})\s*年(?:(?P<found_m1>{_M})\s*月(?:(?P<found_d1>{_D})\s*[日号])?)?"
        rf"(?![底末度初])[^\d。！？!?；;，,、]{{1,25}}?"
        rf"|(?P<found_y2>{_Y})\s*年(?:(?P<found_m2>{_M})\s*月(?:(?P<found_d2>{_D})\s*[日号])?)?"
        rf"(?![底末度初])[^\d。！？!?；;，,、]{{0,8}}?{_FOUNDING})以来)",
        rf"(?P<abs>(?P<abs_y>{_Y})\s*年(?:度)?\s*(?P<abs_part>{_part('a')})?(?P<abs_since>以来|至今)?)",
        rf"(?P<rel>(?P<rel_w>今年|本年|去年|上年|上一年|前年|明年)(?:度)?(?P<rel_part>{_part('r')})?(?P<rel_since>以来|至今|同期)?)",
        rf"(?P<plan>(?P<plan_n>十[一二三四五]五)[”\"]?(?P<plan_tail>期间|时期|以来|末|初)?)",
        rf"(?P<yrsince>(?:年初|入年|开年)(?:以来|至今))",
        r"(?P<day>昨天|昨日|前天|今天|今日|当天|当日|同日)(?![报头])",
        r"(?P<thatyear>(?<![每])当年(?:度)?(?P<thatyear_part>底|末|年底|年末)?)",
        r"(?P<now>截至目前|截止目前|截至发稿|截至当前|截至现在|目前|当前|现已|如今|眼下|至今|(?<![表体出实发])现在)",
        rf"(?P<feast>(?P<feast_n>春节|元旦|五一|国庆节|国庆)(?:以来|至今))",
        rf"(?P<recent>(?:近|过去|最近)(?P<recent_n>{_N}|一)个?年)",
        rf"(?P<ago>(?<![\d年])(?P<ago_n>{_N})年(?:来|以来))",
        rf"(?P<count>(?<![\d年第前后多每])(?P<count_n>{_N})年(?=累计|共计|合计|总计|间))",
        rf"(?P<lastyear>过去(?:的)?一年)",
        rf"(?P<use>(?:利用|用|通过|再用|花)(?P<use_n1>{_N})(?:{_DASH}(?P<use_n2>{_N}))?年(?:左右)?(?:的)?时间)",
        rf"(?P<ahead>(?:未来|今后)(?P<ahead_n>{_N})年)",
        rf"(?P<bare>{_part('b')})(?P<bare_since>以来|至今)?",
    ])
)
_BASE_BEFORE = re.compile(r"(?:比|较|同比|环比|与|相比|高于|低于|超过|对比|相较)$")
_BASE_AFTER = re.compile(r"^(?:相比|比较|相较|水平|的水平)")
_ASOF_BEFORE = re.compile(r"(?:截至|截止到|截止|截至到)\s*$")
# 完成全年任务的78%, 占全年目标的81%: the year names the plan a figure is measured against,
# not the time the figure covers.
_DENOMINATOR_BEFORE = re.compile(r"(?:完成|占|达到|达|超过|超|实现|为)了?$")
_DENOMINATOR_AFTER = re.compile(r"^的?(?:目标|任务|计划|预算|指标|预期)")


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str

    def iso(self) -> tuple[str, str]:
        return self.start.isoformat(), self.end.isoformat()


@dataclass(frozen=True)
class TimeMention:
    start: int                      # offsets in the text searched
    end: int
    kind: str                       # one of KINDS
    period: Period | None           # None for a comparison base
    years: tuple[int, ...] = ()     # for kind == "years": one year per following figure
    deadline: bool = False          # 10月底前: a horizon that binds only its own clause
    window: int = 0                 # 近三年, 三年来, 五年累计: a run of this many years up to a year in force
    year: int | None = None         # the calendar year the phrase names outright (2017年, 去年, 当年 …)


def as_of(day: date, label: str = "") -> Period:
    return Period(day, day, label)


def year_span(year: int, label: str = "") -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), label)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _small(text: str | None) -> int | None:
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    return _CN_SMALL.get(text)


def _part_period(year: int, m: re.Match[str], prefix: str, part: str, label: str,
                 since: bool = False) -> tuple[str, Period] | None:
    """Resolve the part of a year (上半年, 1-4月, 6月底, 4月28日 ...) to (kind, period).

    With ``since`` (4月中旬以来) a third of a month counts from the month's first day: the
    month is as fine as such a phrase is meant."""
    g = lambda k: m.group(f"{prefix}_{k}")  # noqa: E731 - short accessor over the match's groups
    q = _small(g("q"))
    if q:
        if not 1 <= q <= 4:
            return None
        return "span", Period(date(year, 3 * q - 2, 1), _month_end(year, 3 * q), label)
    if part.startswith("上半年") or part.startswith("前两季度"):
        return "span", Period(date(year, 1, 1), date(year, 6, 30), label)
    if part.startswith("下半年"):
        return "span", Period(date(year, 7, 1), date(year, 12, 31), label)
    if part.startswith("前三季度"):
        return "span", Period(date(year, 1, 1), date(year, 9, 30), label)
    n = _small(g("n"))
    if n:
        if not 1 <= n <= 12:
            return None
        return "span", Period(date(year, 1, 1), _month_end(year, n), label)
    m1, m2 = _small(g("m1")), _small(g("m2"))
    if m1 and m2:
        if not (1 <= m1 <= m2 <= 12):
            return None
        return "span", Period(date(year, m1, 1), _month_end(year, m2), label)
    month = _small(g("m"))
    if month:
        if not 1 <= month <= 12:
            return None
        day = _small(g("d"))
        if day:
            try:
                return "asof", as_of(date(year, month, day), label)
            except ValueError:
                return None
        edge = g("edge")
        if edge in _TEN_DAYS:
            first = 1 if since else _TEN_DAYS[edge]
            last = first + 9 if edge != "下旬" else calendar.monthrange(year, month)[1]
            return "span", Period(date(year, month, first), date(year, month, last), label)
        if edge in ("底", "末"):
            return "asof", as_of(_month_end(year, month), label)
        if edge == "初":
            return "asof", as_of(date(year, month, 1), label)
        return "span", Period(date(year, month, 1), _month_end(year, month), label)
    if part in ("全年",):
        return "span", year_span(year, label)
    if part in ("年底", "年末", "底", "末"):
        return "asof", as_of(date(year, 12, 31), label)
    if part == "年初":
        return "asof", as_of(date(year, 1, 1), label)
    return None


_TEN_DAYS = {"上旬": 1, "中旬": 11, "下旬": 21}
# The Spring Festival moves with the lunar calendar: its day in each year (春节以来).
_SPRING_FESTIVAL = {
    2010: (2, 14), 2011: (2, 3), 2012: (1, 23), 2013: (2, 10), 2014: (1, 31), 2015: (2, 19), 2016: (2, 8),
    2017: (1, 28), 2018: (2, 16), 2019: (2, 5), 2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22),
    2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 3),
}
_FIXED_FEASTS = {"元旦": (1, 1), "五一": (5, 1), "国庆": (10, 1), "国庆节": (10, 1)}


def _feast_day(name: str, year: int) -> date | None:
    if name.startswith("春节"):
        day = _SPRING_FESTIVAL.get(year)
        return date(year, *day) if day else None
    return date(year, *_FIXED_FEASTS[name])


def _since(start: date, published: date, label: str) -> tuple[str, Period | None, tuple[int, ...]] | None:
    """From start to the article date; a start after the article date dates nothing."""
    if start > published:
        return None
    return "since", Period(start, published, label), ()


_DEADLINE_AFTER = re.compile(r"(?:之前|以前|前)(?!后|期|列|沿|端|三|两|几|\d)")


def _resolve(m: re.Match[str], published: date, text: str = "") -> tuple[str, Period | None, tuple[int, ...]] | None:
    label = m.group()
    if m.group("yrange"):
        y1, y2 = int(m.group("yr1")), int(m.group("yr2"))
        if not y1 < y2 <= y1 + 30:
            return None
        return "years", Period(date(y1, 1, 1), date(y2, 12, 31), label), tuple(range(y1, y2 + 1))
    if m.group("ylist"):
        years = tuple(sorted({int(y) for y in re.findall(_Y, label)}))
        if len(years) < 2:
            return None
        return "years", Period(date(years[0], 1, 1), date(years[-1], 12, 31), label), years
    if m.group("found"):
        # 自1994年中新两国政府合作开发以来, 2006年设立以来: from that year (or month, or day) to
        # the article date.
        year = int(m.group("found_y1") or m.group("found_y2"))
        month = _small(m.group("found_m1") or m.group("found_m2")) or 1
        day = _small(m.group("found_d1") or m.group("found_d2")) or 1
        try:
            start = date(year, month, day)
        except ValueError:
            return None
        return _since(start, published, label)
    if m.group("abs"):
        year = int(m.group("abs_y"))
        part = m.group("abs_part")
        since = m.group("abs_since")
        if part:
            resolved = _part_period(year, m, "a", part, label, since=bool(since))
            if resolved is None:
                return None
            kind, period = resolved
        else:
            kind, period = "span", year_span(year, label)
        if since:
            return _since(period.start, published, label)
        return kind, period, ()
    if m.group("rel"):
        word = m.group("rel_w")
        offset = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "上一年": -1, "前年": -2, "明年": 1}[word]
        year = published.year + offset
        part = m.group("rel_part")
        tail = m.group("rel_since")
        if tail == "同期":
            # 去年同期为0.98亿元: the same stretch a year before the one in force (ingest.extract
            # knows which); 比去年同期 is turned into a comparison base below.
            return "prior", None, ()
        if part:
            resolved = _part_period(year, m, "r", part, label, since=tail in ("以来", "至今"))
            if resolved is None:
                return None
            kind, period = resolved
        else:
            kind, period = "span", year_span(year, label)
        if tail in ("以来", "至今") or (not part and offset == 0):
            # 今年 alone in running text means the year so far, as 今年以来 does.
            return _since(period.start, published, label)
        return kind, period, ()
    if m.group("plan"):
        first = _PLANS.get(m.group("plan_n"))
        if first is None:
            return None
        tail = m.group("plan_tail")
        if tail == "以来":
            return _since(date(first, 1, 1), published, label)
        if tail == "末":
            return "asof", as_of(date(first + 4, 12, 31), label), ()
        return "span", Period(date(first, 1, 1), date(first + 4, 12, 31), label), ()
    if m.group("yrsince"):
        return "since", Period(date(published.year, 1, 1), published, label), ()
    if m.group("now"):
        return "asof", as_of(published, label), ()
    if m.group("recent") or m.group("ago") or m.group("count"):
        # 近三年, 两年来: the calendar years counted back from the article's year, the article's
        # own year included (in 2015: 2013-01-01 to the article date), as totals and yearly
        # averages over "the last three years" are reported.
        n = _small(m.group("recent_n") or m.group("ago_n") or m.group("count_n")) or 1
        if not 1 <= n <= 30:
            return None
        return "span", Period(date(published.year - n + 1, 1, 1), published, label), ()
    if m.group("lastyear"):
        return "span", year_span(published.year - 1, label), ()
    if m.group("use") or m.group("ahead"):
        n1 = _small(m.group("use_n1") or m.group("ahead_n"))
        n2 = _small(m.group("use_n2")) or n1
        if not n1 or not n2 or n2 < n1:
            return None
        return "horizon", Period(date(published.year + n1, 1, 1), date(published.year + n2, 12, 31), label), ()
    if m.group("feast"):
        # 春节以来, 国庆节以来: from the holiday last passed (this year's, or last year's when this
        # year's is still ahead) to the article date.
        name = m.group("feast_n")
        for year in (published.year, published.year - 1):
            day = _feast_day(name, year)
            if day is not None and day <= published:
                return "since", Period(day, published, label), ()
        return None
    if m.group("bare"):
        if m.group("bare_since"):
            return _bare_since(m, published)
        return _resolve_bare(m, published, deadline=bool(_DEADLINE_AFTER.match(text, m.end())))
    return None


def _bare_since(m: re.Match[str], published: date) -> tuple[str, Period | None, tuple[int, ...]] | None:
    """2月份以来, 4月中旬以来, 一季度以来: from the start of that part of the article's year
    (of the year before when it has not begun yet: 11月以来 in February) to the article date."""
    part = m.group("bare")
    if part in ("全年", "底", "末", "年底", "年末"):
        return None  # 年底以来 needs a year to be sure of; 全年以来 is not said
    for year in (published.year, published.year - 1):
        resolved = _part_period(year, m, "b", part, m.group(), since=True)
        if resolved is None:
            return None
        start = resolved[1].start
        if start <= published:
            return "since", Period(start, published, m.group()), ()
    return None


def _resolve_bare(m: re.Match[str], published: date, deadline: bool = False
                  ) -> tuple[str, Period | None, tuple[int, ...]] | None:
    """A part of a year with no year given: the article's year, or the one before when
    that part has not begun yet (a January article's 11月份) or the statistics are the
    previous year's (全年 or 年底 in an article of the first quarter)."""
    part = m.group("bare")
    label = part
    year = published.year
    if part in ("全年", "年底", "年末", "底", "末") and published.month <= 3:
        year -= 1
    if part in ("底", "末", "年初"):
        return None  # too short to be sure it is a time phrase
    resolved = _part_period(year, m, "b", part, label)
    if resolved is None:
        return None
    kind, period = resolved
    if deadline and period.end >= published:
        return "horizon", period, ()  # 力争10月底前全部开工: a deadline still ahead this year
    if period.start > published and part not in ("全年", "年底", "年末", "下半年"):
        resolved = _part_period(year - 1, m, "b", part, label)
        if resolved is None:
            return None
        kind, period = resolved
    return kind, period, ()


# A stretch of time with more than this left to run when the article appeared is spoken
# of as a plan (2022年 in August 2022, “十四五”期间 in 2023); one about to close (2022年 in a
# December review of the year) is reported on.
_PLAN_AHEAD = timedelta(days=92)


def still_ahead(kind: str, period: Period, published: date) -> bool:
    if period.start > published:
        return True
    return kind in ("span", "asof") and period.end - published > _PLAN_AHEAD


_EVENT_NAME_AFTER = re.compile(
    r"[^,，。;；!?！？\d]{0,30}?(?:洽谈会|推介会|博览会|交易会|论坛|峰会|大会|年会|展览会|招商会|发布会|投洽会|交流会|对接会)"
    r"(?:在|于|近日|日前|昨天|今天|昨日|举行|召开|开幕|上|期间|现场)")
_RELEASE_PART = re.compile(r"季度|半年$")
_DAYS_BACK = {"昨天": 1, "昨日": 1, "前天": 2, "今天": 0, "今日": 0}
_YEAR_PARTS = ("全年", "年底", "年末")


def _relative_day(word: str, mentions: list[TimeMention], published: date, label: str
                  ) -> tuple[str, Period | None, tuple[int, ...]]:
    """昨天/前天/今天 count back from the article date; 当日/当天/同日 repeat the last day
    named before them (12月1日…，当日…), else the article date."""
    if word in _DAYS_BACK:
        return "asof", as_of(published - timedelta(days=_DAYS_BACK[word]), label), ()
    for prior in reversed(mentions):
        p = prior.period
        if prior.kind == "asof" and p is not None and p.start == p.end:
            return "asof", as_of(p.start, label), ()
    return "asof", as_of(published, label), ()


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


def last_named_year(mentions: list[TimeMention]) -> int | None:
    """The last year a paragraph names outright (the year a following passage is about)."""
    for m in reversed(mentions):
        if m.year is not None and m.kind not in ("base", "horizon"):
            return m.year
    return None


def last_framing_year(text: str, mentions: list[TimeMention]) -> int | None:
    """The year of the last phrase that frames what follows (2023年是…, 2023年，…, opening a
    sentence), not one inside a clause (延续上年度…态势)."""
    for m in reversed(mentions):
        if m.year is None or m.kind in ("base", "horizon"):
            continue
        if _FRAME_OPENS.search(text, 0, m.start) is not None or text[m.end:m.end + 1] in (",", "，", "是"):
            return m.year
    return None


def find_time_mentions(text: str, published: date, passage_year: int | None = None,
                       passage_frame_year: int | None = None) -> list[TimeMention]:
    """Every time phrase in ``text`` (a paragraph), in order, resolved against ``published``.

    ``passage_year`` is the year the paragraphs before were about (the last one they named):
    当年 and 至年底 with no year of their own in this paragraph fall back to it.
    ``passage_frame_year`` is the last year they were framed by (2023年是…): a part of a year
    with no year of its own (1—11月, 前三季度) in a later paragraph is of that year when it
    is over."""
    mentions: list[TimeMention] = []
    for m in _TIME.finditer(text):
        try:
            mention = _mention(m, text, published, mentions, passage_year, passage_frame_year)
        except (ValueError, OverflowError):
            continue  # 去年 in an article dated 0001-01-01, 明年 in 9999: no calendar date to give
        if mention is not None:
            mentions.append(mention)
    return mentions


def _resolved_in_passage(m: re.Match[str], text: str, published: date, mentions: list[TimeMention],
                         passage_year: int | None, passage_frame_year: int | None
                         ) -> tuple[str, Period | None, tuple[int, ...]] | None:
    """A phrase's (kind, period, years), reading 昨天/当日, 当年, 年底 and parts of a year with
    no year of their own against the day or year the passage is about."""
    year_in_force = last_named_year(mentions)
    if m.group("day"):
        return _relative_day(m.group("day"), mentions, published, m.group())
    if m.group("thatyear"):
        return _passage_part(m, year_in_force or passage_year or published.year, m.group())
    if m.group("bare") in ("年底", "年末") and not m.group("bare_since") and \
            (year_in_force is not None or passage_year is not None):
        # 2017年，…。至年底，… / 当年…，全年…: the year the passage is about, not the article's
        return _passage_part(m, year_in_force or passage_year or published.year, m.group())
    resolved = _resolve(m, published, text)
    if not m.group("bare") or m.group("bare_since") or m.group("bare") in ("全年", "底", "末", "年初") \
            or resolved is None or resolved[0] == "horizon":
        return resolved
    closed_year = last_framing_year(text, mentions) or (passage_frame_year if year_in_force is None else None)
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


def _mention(m: re.Match[str], text: str, published: date, mentions: list[TimeMention],
             passage_year: int | None, passage_frame_year: int | None) -> TimeMention | None:
    """One time phrase resolved in its paragraph, or None when it is not one after all."""
    resolved = _resolved_in_passage(m, text, published, mentions, passage_year, passage_frame_year)
    if resolved is None or _EVENT_NAME_AFTER.match(text, m.end()):
        return None  # 2023年…项目推介洽谈会近日举行: the year names the event, it dates nothing
    kind, period, years = resolved
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
    if kind not in ("horizon",) and (_BASE_BEFORE.search(before) or _BASE_AFTER.match(after)):
        kind, period, years = "base", None, ()
    elif period is not None and _ASOF_BEFORE.search(before) and kind == "span" \
            and not _RELEASE_PART.search(m.group()):
        # 截至6月, 截至2021年: the day it closes; 截至一季度 names the release window and stays one
        kind, period = "asof", as_of(period.end, before.strip()[-2:] + period.label)
    elif period is not None and still_ahead(kind, period, published):
        kind = "horizon"
    deadline = kind == "horizon" and _DEADLINE_AFTER.match(text, m.end()) is not None
    window = 0
    if kind == "span" and (m.group("recent") or m.group("ago") or m.group("count")):
        window = _small(m.group("recent_n") or m.group("ago_n") or m.group("count_n")) or 1
    named = _year_named(m, published)
    if named is None and (m.group("thatyear") or m.group("bare") in _YEAR_PARTS) and period is not None:
        named = period.end.year
    return TimeMention(m.start(), m.end(), kind, period, years, deadline, window, named)


_FRAME_OPENS = re.compile(r"(?:^|[。！？!?；;\n])\s*(?:在|于)?$")


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


def year_earlier(period: Period) -> Period:
    """The same stretch of time one year before (去年同期)."""
    def back(d: date) -> date:
        try:
            return d.replace(year=d.year - 1)
        except ValueError:  # 29 February
            return d.replace(year=d.year - 1, day=28)
    return Period(back(period.start), back(period.end), "去年同期")


def default_period(published: date) -> Period:
    """No time given: a stock counted on the article's date."""
    return as_of(published, "")
