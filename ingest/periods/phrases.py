"""The time phrases of Chinese news text and what each means on its own, against the
article's date: the patterns (_TIME) and their resolution (_resolve). How a phrase reads in
its passage (当年, 至年底, 昨天) is ingest.periods.passage's."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ingest.numbers import parse_chinese
from ingest.patterns import guarded
from ingest.periods.model import Period, _month_end, as_of, year_span

# Five-year plans: the n-th plan covers 1953 + 5 * (n - 1) .. + 4.
_PLANS = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}

_Y = r"(?:19|20)\d{2}"
_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_D = r"(?:3[01]|[12]\d|0?[1-9])"
_N = r"(?:\d{1,2}|十[一二]?|[一二两三四五六七八九])"
_DASH = r"(?:-|—|–|―|‒|~|～|〜|－|至|到)"  # (1―9月: a horizontal bar in some copies)
# What a zone or project began with: 2006年设立以来, 2010年获批以来 (with 自/从 any short clause will do).
_FOUNDING = r"(?:设立|成立|建立|创建|组建|获批|批准|开园|挂牌|启动|建区|建园|升级|开发|运营|投产|开工|落户|实施)"
_PART = (r"(?:上半年|下半年|前三季度|前两季度|(?P<@qa>[一二三四1-4])\s*(?:至|到|-|—|–|~|－)\s*(?P<@qb>[一二三四1-4])\s*季度"
         # (提前1个月完成全年任务: ahead of time, not the first months)
         r"|(?<!提)前(?P<@qn>[二两三23])个?季度|第?(?P<@q>[一二三四1-4])季度|(?P<@q1>首季)度?|(?<!提)前(?P<@n>" + _N + r")个?月份?"
         r"|(?P<@m1>" + _M + r"|元(?=" + _DASH + r"))\s*(?:月份?)?\s*" + _DASH + r"\s*(?P<@m2>" + _M + r")\s*月份?(?!\s*\d{1,2}\s*[日号])"
         r"|(?P<@m>" + _M + r")\s*月(?:份)?(?:(?P<@d>" + _D + r")\s*[日号]|(?P<@edge>底|末|初|上旬|中旬|下旬))?"
         r"|全年|年底|年末|年初|底|末)")


def _part(prefix: str) -> str:
    """The part-of-year pattern with its group names made unique under ``prefix``."""
    return _PART.replace("(?P<@", f"(?P<{prefix}_")


# Guarded (ingest/patterns.py): twenty branches tried at every character cost seconds on a
# megabyte-long paragraph.
_TIME = guarded(re.compile(
    "|".join([
        rf"(?P<yrange>(?P<yr1>{_Y})\s*年?(?:度)?\s*{_DASH}\s*(?P<yr2>{_Y})\s*年(?:度)?)",
        rf"(?P<ylist>{_Y}年?(?:(?:、|和|及|与|以及){_Y}年?)*(?:、|和|及|与|以及){_Y}年)",
        rf"(?P<found>(?:[自从](?P<found_y1>{_Y})\s*年(?:(?P<found_m1>{_M})\s*月(?:(?P<found_d1>{_D})\s*[日号])?)?"
        rf"(?![底末度初])[^\d。！？!?；;，,、]{{1,25}}?"
        rf"|(?P<found_y2>{_Y})\s*年(?:(?P<found_m2>{_M})\s*月(?:(?P<found_d2>{_D})\s*[日号])?)?"
        rf"(?![底末度初])[^\d。！？!?；;，,、]{{0,8}}?{_FOUNDING})以来)",
        rf"(?P<abs>(?P<abs_y>{_Y})\s*年(?:度)?\s*(?P<abs_part>{_part('a')})?(?P<abs_since>以来|至今)?)",
        rf"(?P<rel>(?P<rel_w>今年|本年|去年|上年|上一年|前年|明年)(?:度)?(?P<rel_part>{_part('r')})?(?P<rel_since>以来|至今|同期)?)",
        r"(?P<plan>(?P<plan_n>十[一二三四五]五)[”\"]?(?P<plan_tail>期间|时期|以来|末|初)?)",
        r"(?P<yrsince>(?:年初|入年|开年)(?:以来|至今))",
        r"(?P<day>昨天|昨日|前天|今天|今日|当天|当日|同一日|同一天|同日)(?![报头])",
        # 20日上午，…举行: a day of the month the report was filed in
        # (…签约仪式18日在重庆举行, 会议20日召开: the wire's day of the event, inside its sentence)
        r"(?P<mday>(?:(?<![\d月年号.．/第近每-])(?=(?:[1-9]|[12]\d|3[01])日(?:上午|下午|晚上|晚间|晚|早上|凌晨|中午|举行|开工|签约"
        r"|在|于|召开|开幕|闭幕|发布|公布|宣布|揭牌|启动|开业|投产))"
        # 15日，投资17亿元的…项目开工: a day of the month opening a sentence
        r"|(?:^|(?<=[。；;\s讯)）]))(?=(?:[1-9]|[12]\d|3[01])日[,，])"
        # 截至23日，…开复工项目达150个: the day of the month a count is held on
        r"|(?<=截至|截止)(?=(?:[1-9]|[12]\d|3[01])日(?![内前后])))(?P<mday_n>[1-9]|[12]\d|3[01])日)",
        r"(?P<thatyear>(?<![每])(?:当|同|这一)年(?!同期)(?:度)?(?P<thatyear_part>底|末|年底|年末)?)",
        r"(?P<now>截至目前|截止目前|截至发稿|截至当前|截至现在|目前|当前|现已|如今|眼下|至今(?!年)|(?<![表体出实发])现在)",
        r"(?P<feast>(?P<feast_n>春节|元旦|五一|国庆节|国庆)(?:以来|至今))",
        rf"(?P<recent>(?:近|过去(?!一年)|最近)(?P<recent_n>{_N}|一)个?年)",
        rf"(?P<ago>(?<![\d年])(?P<ago_n>{_N})年(?:来|以来))",
        rf"(?P<count>(?<![\d年第前后多每])(?P<count_n>{_N})年(?=累计|共计|合计|总计|间))",
        r"(?P<lastyear>(?<!即将)(?<!就要)(?<!将要)(?:刚刚|刚)?过去(?:的)?一年)",
        r"(?P<closing>(?:即将|就要|将要)过去的(?:这)?一年)",  # in a December review: this year
        rf"(?P<use>(?:利用|用|通过|再用|花)(?P<use_n1>{_N})(?:{_DASH}(?P<use_n2>{_N}))?年(?:左右)?(?:的)?时间)",
        rf"(?P<ahead>(?:未来|今后)(?P<ahead_n>{_N})年)",
        # 上个月, 上月末, 本月底, 本月以来: months counted from the article's (not 当月: the month a
        # release has just named)
        r"(?P<relmonth>(?P<relmonth_w>上个?月|本月)份?(?P<relmonth_edge>底|末|初)?(?P<relmonth_since>以来)?)",
        # 8月，…当月增长13.7%: the month the passage has just named (resolved in periods.passage)
        r"(?P<thatmonth>当月(?!份?以来))",
        rf"(?P<bare>{_part('b')})(?P<bare_since>以来|至今)?",
    ])
))
_BASE_BEFORE = re.compile(r"(?:比|较|同比|环比|与|相比|高于|低于|超过|对比|相较)于?(?:基期|基年)?[“\"「『]?$")
# (在2022年的基础上实现“双倍增”: the year is the base the goal is measured from)
# (2300元(2010年不变价): the year prices are counted in, not a period)
# (在2020年高位增长基础上: a few words may stand before 基础上)
# (在2024年增长9%基础上再增7.4%: the year's own growth may stand between)
_BASE_AFTER = re.compile(r"(?:相比|比较|相较|水平|的水平|(?:[^,，。;；\d]{0,6}?|增长\d+(?:\.\d+)?%)的?基础上|不变价|可比价)")
# 是2005年的5.2倍, 相当于上年的1.3倍: the year is the base a multiple is taken of.
_MULTIPLE_BASE_BEFORE = re.compile(r"(?:是|为|相当于|达到|达)\s*$")  # (是 2000年的2.16倍: a web copy's space)
# (是2016年增幅的2.5倍多: a measure of the year may stand between)
# (为去年同期的178.1%: the same ratio to the base, in per cent)
_MULTIPLE_BASE_AFTER = re.compile(r"[^，,。；;:：\d]{0,6}?的(?:(?:\d+(?:\s?\.\s?\d+)?|[一二两三四五六七八九十]+(?:点[一二三四五六七八九零〇]+)?)多?倍"
                                  r"|\d+(?:\.\d+)?%)")
_ASOF_BEFORE = re.compile(r"(?:截至|截止到|截止|截至到|(?<![拦阻])截)\s*$")  # 截12月: 截至12月 cut short
# 至今年5月 opening a sentence or clause (至今年5月，累计引入企业83家) says 截至 of a month gone by;
# of one ahead (到2020年，…) it is a horizon.
_UNTIL_BEFORE = re.compile(r"(?:^|[。！？!?；;，,\n]\s*)(?:至|到)\s*$")
# 完成全年任务的78%, 占全年目标的81%: the year names the plan a figure is measured against,
# not the time the figure covers.
_DENOMINATOR_BEFORE = re.compile(r"(?:完成|占|达到|达|超过|超|实现|为)了?$")
_DENOMINATOR_AFTER = re.compile(r"^的?(?:目标|任务|计划|预算|指标|预期)")


def _small(text: str | None) -> int | None:
    """A month, day, quarter or count of years: digits or a Chinese numeral (十二, 两)."""
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    if text == "元":  # 元至7月: from 元月, January
        return 1
    value = parse_chinese(text)
    return int(value) if value is not None and value == int(value) else None


def _part_period(year: int, m: re.Match[str], prefix: str, part: str, label: str,
                 since: bool = False) -> tuple[str, Period] | None:
    """Resolve the part of a year (上半年, 1-4月, 6月底, 4月28日 ...) to (kind, period).

    With ``since`` (4月中旬以来) a third of a month counts from the month's first day: the
    month is as fine as such a phrase is meant."""
    g = lambda k: m.group(f"{prefix}_{k}")  # noqa: E731 - short accessor over the match's groups
    qa, qb = _small(g("qa")), _small(g("qb"))
    if qa and qb:
        # 1至3季度: the quarters from the first named to the last
        if not 1 <= qa <= qb <= 4:
            return None
        return "span", Period(date(year, 3 * qa - 2, 1), _month_end(year, 3 * qb), label)
    qn = _small(g("qn"))
    if qn:  # 前3季度: the year up to the end of that quarter
        return "span", Period(date(year, 1, 1), _month_end(year, 3 * qn), label)
    q = 1 if g("q1") else _small(g("q"))  # 首季: the first quarter
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


Resolved = tuple[str, Period | None, tuple[int, ...]]


def _years_range(m: re.Match[str], published: date, text: str) -> Resolved | None:
    y1, y2 = int(m.group("yr1")), int(m.group("yr2"))
    if not y1 < y2 <= y1 + 30:
        return None
    return "years", Period(date(y1, 1, 1), date(y2, 12, 31), m.group()), tuple(range(y1, y2 + 1))


def _years_list(m: re.Match[str], published: date, text: str) -> Resolved | None:
    years = tuple(sorted({int(y) for y in re.findall(_Y, m.group())}))
    if len(years) < 2:
        return None
    return "years", Period(date(years[0], 1, 1), date(years[-1], 12, 31), m.group()), years


def _founding(m: re.Match[str], published: date, text: str) -> Resolved | None:
    """自1994年中新两国政府合作开发以来, 2006年设立以来: from that year (or month, or day) to
    the article date."""
    year = int(m.group("found_y1") or m.group("found_y2"))
    month = _small(m.group("found_m1") or m.group("found_m2")) or 1
    day = _small(m.group("found_d1") or m.group("found_d2")) or 1
    try:
        start = date(year, month, day)
    except ValueError:
        return None
    return _since(start, published, m.group())


def _absolute(m: re.Match[str], published: date, text: str) -> Resolved | None:
    year, part, since, label = int(m.group("abs_y")), m.group("abs_part"), m.group("abs_since"), m.group()
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


_RELATIVE_YEARS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "上一年": -1, "前年": -2, "明年": 1}


def _relative(m: re.Match[str], published: date, text: str) -> Resolved | None:
    offset, label = _RELATIVE_YEARS[m.group("rel_w")], m.group()
    year = published.year + offset
    part, tail = m.group("rel_part"), m.group("rel_since")
    if tail == "同期":
        # 去年同期为0.98亿元: the same stretch a year before the one in force (ingest.extract
        # knows which); 比去年同期 is turned into a comparison base by the passage.
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


def _plan(m: re.Match[str], published: date, text: str) -> Resolved | None:
    first = _PLANS.get(m.group("plan_n"))
    if first is None:
        return None
    tail, label = m.group("plan_tail"), m.group()
    if tail == "以来":
        return _since(date(first, 1, 1), published, label)
    if tail == "末":
        return "asof", as_of(date(first + 4, 12, 31), label), ()
    return "span", Period(date(first, 1, 1), date(first + 4, 12, 31), label), ()


def _year_so_far(m: re.Match[str], published: date, text: str) -> Resolved | None:
    return "since", Period(date(published.year, 1, 1), published, m.group()), ()


def _relative_month(m: re.Match[str], published: date, text: str) -> Resolved | None:
    """上个月 is the month before the article's, 本月 the article's month so far; 上月末 and
    本月底 are their last days (本月底 still ahead is a horizon), 本月以来 runs from the first."""
    first = published.replace(day=1)
    if m.group("relmonth_w").startswith("上"):
        first = (first - timedelta(days=1)).replace(day=1)
    last = _month_end(first.year, first.month)
    edge, label = m.group("relmonth_edge"), m.group()
    if m.group("relmonth_since"):
        return "since", Period(first, published, label), ()
    if edge in ("底", "末"):
        return "asof", as_of(last, label), ()
    if edge == "初":
        return "asof", as_of(first, label), ()
    return "span", Period(first, min(last, published), label), ()


def _now(m: re.Match[str], published: date, text: str) -> Resolved | None:
    return "asof", as_of(published, m.group()), ()


def _counted_back(m: re.Match[str], published: date, text: str) -> Resolved | None:
    """近三年, 两年来: the calendar years counted back from the article's year, the article's
    own year included (in 2015: 2013-01-01 to the article date), as totals and yearly
    averages over "the last three years" are reported."""
    n = _small(m.group("recent_n") or m.group("ago_n") or m.group("count_n")) or 1
    if not 1 <= n <= 30:
        return None
    if m.group().startswith("过去") and n > 1:
        # 过去五年 in a review of April 2016: the five years closed, 2011-2015 (not 近五年, which runs on)
        return "span", Period(date(published.year - n, 1, 1), date(published.year - 1, 12, 31), m.group()), ()
    return "span", Period(date(published.year - n + 1, 1, 1), published, m.group()), ()


def _last_year(m: re.Match[str], published: date, text: str) -> Resolved | None:
    """过去一年 / 过去的一年: the calendar year just closed; in a December review, the year closing."""
    return "span", year_span(published.year - (published.month < 12), m.group()), ()


def _closing_year(m: re.Match[str], published: date, text: str) -> Resolved | None:
    return "span", year_span(published.year, m.group()), ()


def _ahead(m: re.Match[str], published: date, text: str) -> Resolved | None:
    n1 = _small(m.group("use_n1") or m.group("ahead_n"))
    n2 = _small(m.group("use_n2")) or n1
    if not n1 or not n2 or n2 < n1:
        return None
    return "horizon", Period(date(published.year + n1, 1, 1), date(published.year + n2, 12, 31), m.group()), ()


def _feast(m: re.Match[str], published: date, text: str) -> Resolved | None:
    """春节以来, 国庆节以来: from the holiday last passed (this year's, or last year's when this
    year's is still ahead) to the article date."""
    for year in (published.year, published.year - 1):
        day = _feast_day(m.group("feast_n"), year)
        if day is not None and day <= published:
            return "since", Period(day, published, m.group()), ()
    return None


def _bare(m: re.Match[str], published: date, text: str) -> Resolved | None:
    if m.group("bare_since"):
        return _bare_since(m, published)
    return _resolve_bare(m, published, deadline=bool(_DEADLINE_AFTER.match(text, m.end())))


def _resolve(m: re.Match[str], published: date, text: str = "") -> Resolved | None:
    """What a time phrase means on its own: (kind, period, years), or None when it names no time."""
    for group, resolver in _RESOLVERS:
        if m.group(group):
            return resolver(m, published, text)
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


# Which resolver reads which alternative of _TIME, in the order the alternatives are tried.
_RESOLVERS = (("yrange", _years_range), ("ylist", _years_list), ("found", _founding), ("abs", _absolute),
              ("rel", _relative), ("plan", _plan), ("yrsince", _year_so_far), ("now", _now),
              ("recent", _counted_back), ("ago", _counted_back), ("count", _counted_back), ("lastyear", _last_year), ("closing", _closing_year),
              ("use", _ahead), ("ahead", _ahead), ("feast", _feast), ("relmonth", _relative_month), ("bare", _bare))
