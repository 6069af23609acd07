"""Timing: the period a figure's own time phrase sets, the one a figure with none inherits,
and how the time phrases of a finished sentence part carry to the parts after it."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date

from ingest.extract.attributes import _describes_place
from ingest.extract.clauses import _SENTENCE_END, _clause_end, _clause_start, _full_sentence_start, _sentence_head
from ingest.extract.context import _Context
from ingest.extract.scan import _Atom
from ingest.extract.scope import _governing, _is_window, _label, _Scope, _standalone, _trailing_asof
from ingest.extract.stocks import _YEAR_PLAN_SHARE, _cutoff_day, _is_flow
from ingest.extract.units import CLASSIFIER_UNITS
from ingest.periods import Period, TimeMention, is_whole_year, months_to, year_span
from ingest.periods.model import _month_end

# 其中 breaks down the figure just reported; the others detail the topic of the paragraph.
_BREAKDOWN = re.compile(r"(?:这|而)?其中")
_CONTINUATION = re.compile(r"(?:(?:这|而)?其中|分[^,，。]{1,4}看|从[^,，。]{1,6}(?:看|来看)|具体(?:来看|看|而言)|按[^,，。]{1,6}分)")


# A breakdown by something other than time (分产业看, 分行业看, 从区域看).
_BY_PART = re.compile(r"(?:分|从)(?![^,，。]{0,4}(?:季度|月份|月度|时间))[^,，。]{1,6}(?:看|来看)")


def _continues(text: str, s0: int) -> bool:
    """The sentence breaks down or details what the one before reported (其中，分行业看，…)."""
    return bool(_CONTINUATION.match(text, _sentence_head(text, s0)))


def _own_period(own: TimeMention | None, i: int, groups: dict[int, tuple[int, int, int, str]]
                ) -> tuple[Period | None, Period | None]:
    """(period, target horizon) set by the time phrase before the figure in its own sentence."""
    if own is None or own.period is None:
        return None, None
    if own.kind == "horizon":
        return None, own.period
    if own.kind == "years" and i in groups and own.start < groups[i][0] and groups[i][2] == len(own.years):
        return year_span(own.years[i - groups[i][1]], own.period.label), None
    return own.period, None


def _why_own(own: TimeMention | None, i: int, groups: dict[int, tuple[int, int, int, str]]) -> str:
    if own is None or own.period is None:
        return ""
    if own.kind == "horizon":
        return f"target horizon: {own.period.label}"
    if own.kind == "years" and i in groups:
        return f"分别 list over the years {own.period.label}, in order"
    clause = {"asof": "as of", "since": "since", "span": "over", "years": "over", "prior": "a year before"}[own.kind]
    return f"own time phrase ({clause}): {own.period.label}"


def _inherited_period(text: str, a: _Atom, sent: tuple[int, int], scope: _Scope, figure_starts: list[int],
                      ctx: _Context, continuation: bool, has_change: bool) -> tuple[Period | None, str]:
    """The period of a figure with no time phrase before it in its sentence part, and why.

    A sentence that breaks down the figure before it (其中，…) shares that figure's period;
    a change sentence follows the time phrase of the sentence before unless that was a
    local month; everything else falls back to the block's framing period."""
    trailing = _trailing_asof(scope, text, a.end, sent[1], figure_starts)
    if trailing is not None:
        return trailing.period, f"截至 phrase later in the sentence: {_label(trailing)}"
    if continuation:
        if ctx.figure_period is not None and _BREAKDOWN.match(text, _sentence_head(text, sent[0])):
            return ctx.figure_period, f"其中 breaks down the figure before: {ctx.figure_period.label}"
        if ctx.figure_period is not None and ctx.last is not None and ctx.last.window:
            # 今年前三季度，GDP增长13%、增速5年来持续领跑…。具体来看，…: the details are of the figure before,
            # not of the run of years its aside named
            return ctx.figure_period, f"details the figure before: {ctx.figure_period.label}"
        framing = ctx.framing()
        if ctx.last is not None and ctx.last_local and framing is not None and _BY_PART.match(text, _sentence_head(text, sent[0])):
            # 上半年…下降1.6%。分季度看，一季度…，二季度增长3.2%。分产业看，第一产业增加值26053亿元: a new
            # breakdown details the period of the release, not the last quarter of the one before
            return framing, f"details the period of the release: {framing.label}"
        if ctx.last is not None:
            return ctx.last.period, f"continues the sentence before: {_label(ctx.last)}"
        if framing is not None or ctx.carried is None:
            return framing, f"continues the paragraph frame: {framing.label}" if framing else ""
    if has_change and ctx.last is not None and not ctx.last_local and not _event_day_in(ctx.last, text, sent):
        framed = _framing_before_now(ctx.last, ctx)
        if framed is not None:  # 目前全县在库项目141个…；5千万以下项目投资同比下降43.5%: a change has no day
            return framed, f"a change under 目前: the period framing the paragraph, {framed.label}"
        return ctx.last.period, f"change after the sentence before: {_label(ctx.last)}"
    if ctx.last is not None and _is_window(ctx.last) and ctx.last.start >= _full_sentence_start(text, sent[0]):
        # 过去五年，…累计完成…21441亿元；完成固定资产投资6664.8亿元，年均增速32.2%: a run of years
        # governs the rest of its sentence, past the semicolon
        return ctx.last.period, f"run of years earlier in the sentence: {_label(ctx.last)}"
    if ctx.last is not None and ctx.last.kind == "asof" and not ctx.last_local and ctx.last.period is not None \
            and ctx.last.start >= _full_sentence_start(text, sent[0]) and ctx.frame is None \
            and (_standalone(text, ctx.last, _full_sentence_start(text, sent[0])) or text.startswith((",", "，"), ctx.last.end)):
        # 目前，…共有市场主体6995家，…；税收超亿元企业3家: the day a sentence opens with governs
        # it past its semicolons
        return ctx.last.period, f"as-of day earlier in the sentence: {_label(ctx.last)}"
    if ctx.frame is not None:
        return ctx.frame.period, f"paragraph frame: {_label(ctx.frame)}"
    if ctx.section is not None:
        return ctx.section, f"section heading: {ctx.section.label}"
    if ctx.carried is not None and ctx.title is not None and _same_days(months_to(ctx.title), ctx.carried) \
            and (has_change or (a.unit not in ("%", "‰") and _is_flow(text, a, sent[0]))
                 or _YEAR_PLAN_SHARE.search(text, max(sent[0], a.start - 12), a.start) is not None):
        # 7月份重点项目…⏎截至7月底，…完成投资706.1亿元。⏎重大基础设施项目完成投资351亿元: once the
        # month's release turns to the months so far, what follows with no time of its own is theirs
        return ctx.carried, f"year-to-date window of the paragraph before: {ctx.carried.label}"
    if ctx.title is not None and not _ASOF_WORD.search(text, _clause_start(text, a.start, sent[0]), a.start) \
            and not (ctx.title_flows and ((a.unit or "").endswith("/年") or _describes_place(text, a, sent[0]))):
        # (2022年，…全年新签约项目61个。⏎ 规划面积62平方公里: a year the lead opens with does not
        # date what a place or a plant is like)
        # 上半年…运行情况分析: figures with no time of their own are the period's
        return ctx.title, f"reporting period of the title: {ctx.title.label}"
    if ctx.reviewed is not None:
        return ctx.reviewed, f"the year the report looks back on: {ctx.reviewed.label}"
    if ctx.carried is not None and (has_change or (a.unit not in ("%", "‰") and _is_flow(text, a, sent[0]))):
        # 1-10月，示范区规上工业增加值增长14.3%。⏎重点行业产值“两增两降”…增长10.5%: a release
        # reports its window paragraph after paragraph, its changes and its flows (完成投入40.49亿元)
        return ctx.carried, f"year-to-date window of the paragraph before: {ctx.carried.label}"
    if ctx.carried is not None and ctx.figure_period == ctx.carried and (continuation or a.unit not in CLASSIFIER_UNITS):
        # 前三季度，…。⏎同时，完成固定资产投资1660.67亿元，…。其中，工业项目投资717.14亿元，占43.18%；基础设施投资
        # 479.44亿元，占28.87%: once a paragraph reports the release's window, its amounts and shares stay in it
        return ctx.carried, f"year-to-date window the paragraph reports: {ctx.carried.label}"
    if has_change and ctx.fallback is not None:
        return ctx.fallback, f"lead or title period, for a change: {ctx.fallback.label}"
    return None, ""


def _same_days(a: Period | None, b: Period | None) -> bool:
    return a is not None and b is not None and (a.start, a.end) == (b.start, b.end)


# Words that count a stock on a day, which the title's reporting period does not date.
_ASOF_WORD = re.compile(r"截至|截止|目前|现有|现已|末|底")


def _advance(ctx: _Context, text: str, scope: _Scope, sent: tuple[int, int]) -> None:
    """Carry the time phrases of a finished part of a sentence to the parts after it.

    A time clause that opens the block, or one that is not inside the period already in
    force, frames the rest of the block. A single month or quarter met later inside that
    period (一季度，…。3月份增长…) is local: it dates its own sentence (and a 其中 after
    it), then the framing period resumes."""
    i = bisect.bisect_left(scope.starts, sent[0])
    while i < len(scope.mentions) and scope.mentions[i].start < sent[1]:
        m = scope.mentions[i]
        if _standalone(text, m, sent[0]):
            if m.kind == "horizon":
                closing = _closing_estimate(m, text, sent, ctx)
                if closing is not None:
                    ctx.frame = closing
                else:
                    ctx.horizon = m
            elif not (_local(m, ctx) or _is_window(m) or _local_year(m, text, ctx)
                      or (ctx.opened and _year_end_in_year(m, ctx))):
                if _now_aside(m, ctx):
                    ctx.resume = ctx.frame
                elif _event_date(m, text, sent) \
                        and not _of_the_event(m, ctx):
                    ctx.event_date, ctx.before_event = True, ctx.frame
                elif ctx.event_date:
                    # 8月20日，…发言人表示，今年上半年，…。全国…进出口总额达2.2万亿元: a time clause
                    # after the event's day frames what is reported, past the full stop
                    ctx.event_date, ctx.before_event = False, None
                ctx.frame = _released(m, scope, i, text) or _cumulative(m, text, sent) or _narrowed(m, scope, i, text)
        elif _next_year_on(m, text, sent, ctx):
            ctx.frame = m
        i += 1
    governing = _governing(scope, sent[1], sent[0])
    while governing is not None and (_opens_starting_value(text, governing)
                                     or _WHEN_IT_HAPPENED.match(text, governing.end) is not None):
        # (…火炬中心7月公布的147个国家高新区综合排名中: the month a thing was published names it, dates nothing after)
        # 由去年的3个工作日压缩至0.5个工作日: 去年 dates the starting value only, never a later part
        governing = _governing(scope, governing.start, sent[0])
    if governing is not None and governing.kind not in ("horizon", "years", "prior"):
        # (…快于上年同期0.4个百分点。其中，…增长13.1%: a year before is a base, never the time in force)
        ctx.last = _to_cutoff(governing, scope, text)
        ctx.last_local = _local(governing, ctx) or _is_window(governing) or _local_year(governing, text, ctx) \
            or _plan_in_clause(governing, text, sent[0]) or _year_end_in_year(governing, ctx)
    full_stop = text[sent[0]:sent[1]].rstrip("”’」』\"' ").endswith(("。", "！", "？", "!", "?"))
    if ctx.event_date and full_stop:
        # 今年7月，…成立14个招商专班…。签约的27个项目，…: the event's date stays with its sentence
        ctx.frame, ctx.before_event, ctx.event_date = ctx.before_event, None, False
        ctx.last, ctx.last_local = ctx.frame, False
    if ctx.resume is not None and full_stop:
        # the sentence 目前 opened is over: the closed period framing the paragraph resumes
        ctx.frame, ctx.resume = ctx.resume, None
        ctx.last_local = True
    ctx.opened = True


# A date said of when a thing named after it happened (7月公布的排名, 2019年成立的公司).
_WHEN_IT_HAPPENED = re.compile(r"(?:公布|发布|成立|设立|获批|批准|举办|召开|出台|印发)的")
# 预计到年末，… (22 December): the close of a period being estimated, not a horizon of goals.
_ESTIMATE_TO = re.compile(r"预计(?:到|至)?$")
_CLOSING_SOON = 45  # days


def closing_to(p: Period | None, published: date) -> Period | None:
    """预计到年末 (22 December), 预计到本月底 (14 June): a day of the article's year this close
    ahead is a close being estimated; the year up to it, or None."""
    if p is None or p.end.year != published.year or not 0 <= (p.end - published).days <= _CLOSING_SOON:
        return None
    return Period(date(p.end.year, 1, 1), p.end, p.label)


def _closing_estimate(m: TimeMention, text: str, sent: tuple[int, int], ctx: _Context) -> TimeMention | None:
    """预计到年末，全县地区生产总值完成115亿元，…；固定资产投资完成38.1亿元 (22 December): a day this
    close ahead after 预计 frames the paragraph as the year up to it, estimated."""
    closing = closing_to(m.period, ctx.published)
    if closing is None or _ESTIMATE_TO.search(text, max(sent[0], m.start - 3), m.start) is None:
        return None
    return replace(m, kind="span", period=closing)


def _whole_year(m: TimeMention | None) -> int | None:
    p = m.period if m is not None and m.kind == "span" and not m.window else None
    if p is None or not is_whole_year(p):
        return None
    return p.start.year


def _next_year_on(m: TimeMention, text: str, sent: tuple[int, int], ctx: _Context) -> bool:
    """2006年…仅207家，2015年突破1000家，2018年增至1638家。…在1638家园区中，…1113家: in a sentence
    framed by a year, a later year opening a later clause moves the story on; the sentences
    after it are of the last year it reached."""
    frame = ctx.frame
    year, framed = _whole_year(m), _whole_year(frame)
    if year is None or framed is None or frame is None or frame.start < sent[0] or year <= framed \
            or year > ctx.published.year:
        return False
    return _clause_start(text, m.start, sent[0]) == m.start and text[m.start - 1:m.start] in (",", "，")


# A release of figures (晒出, 公布, 通报 …) naming the closed period they are of.
_RELEASE_VERB = re.compile(r"(?:晒出|发布|公布|通报|出炉|揭晓|披露|印发)了?[^,，。;；:：\d]{0,10}$")


# Figures said to be cumulative (主要经济指标累计降幅持续收窄).
CUMULATIVE = re.compile(r"累计")


def _cumulative(m: TimeMention, text: str, sent: tuple[int, int]) -> TimeMention | None:
    """10月，全区经济继续稳定回升，主要经济指标累计降幅持续收窄: a month opening a release that says
    its figures are cumulative reports the months of the year up to it (1-10月)."""
    months = months_to(m.period) if m.kind == "span" and not m.window else None
    if months is None:
        return None
    end = _SENTENCE_END.search(text, m.end, len(text))
    if not CUMULATIVE.search(text, m.end, end.start() if end else len(text)):
        return None
    return replace(m, period=replace(months, label=f"1-{months.end.month}月（{months.label}累计）"))


def _released(m: TimeMention, scope: _Scope, i: int, text: str) -> TimeMention | None:
    """昨天，省发改委晒出2014年一季度全省产业集聚区建设榜单。…“吸金”20.03亿元: the day dates the
    release; the figures after it are of the closed period it names."""
    if i + 1 >= len(scope.mentions) or m.period is None or m.period.start != m.period.end:
        return None
    part = scope.mentions[i + 1]
    if part.kind != "span" or part.period is None or part.period.end >= m.period.start \
            or _SENTENCE_END.search(text, m.end, part.start):
        return None
    return part if _RELEASE_VERB.search(text, m.end, part.start) else None


def _narrowed(m: TimeMention, scope: _Scope, i: int, text: str) -> TimeMention:
    """今年湖南省级以上产业园区前三季度…: a part of the year named later in the clause that
    opens with the year narrows the frame to that part."""
    if i + 1 >= len(scope.mentions) or m.period is None:
        return m
    part = scope.mentions[i + 1]
    # (今年以来，全区上下围绕…目标，稳步推动一季度实现地区生产总值949.84亿元: a later clause of the sentence
    # narrows it too, when nothing was counted before it)
    further = _clause_end(text, m.end, len(text)) < part.end
    if further and (_SENTENCE_END.search(text, m.end, part.start) is not None or _DIGIT.search(text, m.end, part.start) is not None
                    or m.kind != "since"):
        return m
    if part.kind != "span" or part.period is None or part.window \
            or not (m.period.start <= part.period.start and part.period.end <= m.period.end) or part.period == m.period:
        return m
    return part


_DIGIT = re.compile(r"\d")
_NOW = frozenset({"目前", "现在", "当前", "眼下"})


# What happens once, on a day or in a month (成立, 举行, 召开 …), as against what is counted over it.
_ONE_OFF_EVENT = re.compile(r"成立|组建|设立|举行|举办|召开|揭牌|启动|印发|出台|发布|公布|开园|挂牌|获批|批准"
                            r"|正式(?:投产|开工|运营|开业)|建成投产|竣工投产|投入运营")  # (今年5月，…工厂正式投产)


def _of_the_event(m: TimeMention, ctx: _Context) -> bool:
    """The day (or batch) of the event the article reports: it frames the report that follows."""
    if ctx.event is None or m.period is None:
        return False
    event = ctx.event[0]
    return event.start <= m.period.start and m.period.end <= event.end


def _event_date(m: TimeMention, text: str, sent: tuple[int, int]) -> bool:
    """今年7月，宜昌市…成立14个招商专班: a single month or day opening a sentence about a one-off
    event dates that event; it does not frame the sentences after it (CONVENTIONS §5.3)."""
    p = m.period
    if p is None or m.kind not in ("span", "asof") or m.window:
        return False
    months = (p.end.year - p.start.year) * 12 + p.end.month - p.start.month + 1
    if not (p.start == p.end or (months == 1 and p.start.day == 1)):
        return False
    end = _SENTENCE_END.search(text, m.end, sent[1])
    return _ONE_OFF_EVENT.search(text, m.end, end.start() if end else sent[1]) is not None


def _event_day_in(m: TimeMention, text: str, sent: tuple[int, int]) -> bool:
    """炼油项目9月20日正式投产…。高新技术产业投资增长18%: the day of an event told inside an
    earlier sentence (not a 截至 day, not one opening it) dates that event, not a later change."""
    p = m.period
    return p is not None and p.start == p.end and m.start < sent[0] and not re.search(r"底|末|截", text[max(0, m.start - 3):m.end]) \
        and not _standalone(text, m, _full_sentence_start(text, m.start))


def _to_cutoff(m: TimeMention, scope: _Scope, text: str) -> TimeMention:
    """至7月底，今年…；实现营业收入18.58亿元: 今年 after a 截至 day runs to that day for the parts
    of the sentence after it too."""
    if m.kind != "since" or m.period is None or text[m.start:m.end] not in ("今年", "本年"):
        return m
    i = bisect.bisect_left(scope.starts, m.start) - 1
    cutoff = scope.mentions[i] if i >= 0 else None
    if cutoff is None or cutoff.kind != "asof" or cutoff.period is None or cutoff.period.end.year != m.period.start.year \
            or not _cutoff_day(text, scope, m.start, cutoff.period) or _SENTENCE_END.search(text, cutoff.end, m.start):
        return m
    return replace(m, period=Period(m.period.start, cutoff.period.end, f"{cutoff.period.label}{m.period.label}"))


def _framing_before_now(m: TimeMention, ctx: _Context) -> Period | None:
    """The closed period that framed the paragraph (1-11月，…) when ``m`` is 目前 taking over from
    it: what a change in 目前's sentence is of, for a change has no day."""
    framed = ctx.resume or ctx.frame
    if m.kind != "asof" or m.period is None or m.period.label not in _NOW or framed is None or framed is m \
            or framed.kind != "span" or framed.period is None or framed.period.end >= ctx.published:
        return None
    return framed.period


def _now_aside(m: TimeMention, ctx: _Context) -> bool:
    """2011年，…。目前，集中区规划工业用地面积25.47平方公里；…。旬阳县…实现工业总产值45.5亿元，
    同比增长68.1%: in a paragraph framed by a closed period, 目前 dates its own sentence (to
    the full stop); the closed period frames the sentences after it again."""
    frame = ctx.frame
    return m.kind == "asof" and m.period is not None and m.period.label in _NOW and frame is not None \
        and frame.kind == "span" and frame.period is not None and frame.period.end < ctx.published


def _local(m: TimeMention, ctx: _Context) -> bool:
    """A single month or quarter after the block's opening, inside the period in force."""
    if m.kind != "span" or m.period is None or (not ctx.opened and ctx.frame is None):
        return False
    if ctx.frame is not None and ctx.frame.kind == "since":
        return False  # 年初以来，…。今年一季度，…；…: a closed part of the open window frames what follows
    frame = ctx.framing()
    if frame is None or m.period == frame or not (frame.start <= m.period.start and m.period.end <= frame.end):
        return False
    p = m.period
    months = (p.end.year - p.start.year) * 12 + p.end.month - p.start.month + 1
    return p.start.day == 1 and months in (1, 3)


def _year_end_in_year(m: TimeMention, ctx: _Context) -> bool:
    """全年…；年末生猪存栏42.44万头，…；生猪出栏83.04万头: the year's last day dates the stock
    counted on it; the flows after it are the year's, which still frames the passage."""
    if m.kind != "asof" or m.period is None:
        return False
    for frame in (ctx.framing(), ctx.last.period if ctx.last is not None else None, ctx.title):
        if frame is not None and m.period.end == frame.end and (frame.end.month, frame.end.day) == (12, 31) \
                and frame.start == frame.end.replace(month=1, day=1):
            return True
    return False


def _local_year(m: TimeMention, text: str, ctx: _Context) -> bool:
    """今年新增… in the middle of a paragraph framed by 截至9月末，: a look at the year so far for
    one sentence; the frame stays. The same holds inside the sentence that set the frame
    (截至6月底，…，其中今年新增68家；开展业务的企业95家): the part after the semicolon returns to
    截至6月底."""
    return ctx.frame is not None and ctx.frame is not m and (ctx.opened or ctx.frame.start < m.start) \
        and m.period is not None and m.kind == "since" and m.period.label in ("今年", "本年") \
        and (ctx.frame.period is None or ctx.frame.period.end.year >= m.period.start.year)  # (not after 去年，…。今年，…)


def _plan_in_clause(m: TimeMention, text: str, sent_start: int) -> bool:
    """2020年，…，“十三五”期间年均增长7.8%；…: a plan period inside a clause dates that clause
    only; the next sentence part returns to the frame the sentence opened with."""
    return m.kind == "span" and m.period is not None and re.match(r"十[一二三四五]五", m.period.label) is not None \
        and not _standalone(text, m, sent_start)


_FROM_YEAR = re.compile(r"[由从]$")


def _starting_point(text: str, own: TimeMention, a: _Atom, figure_starts: list[int]) -> bool:
    """由2015年的48家增加到156家, 由去年同期的36.5小时压缩至14.2小时: the time phrase after 由
    dates the starting value only; the figures after the 到 / 至 that follows it belong to the
    period in force."""
    if own.kind not in ("span", "prior", "asof") or not _FROM_YEAR.search(text, max(0, own.start - 1), own.start):
        return False
    first = bisect.bisect_left(figure_starts, own.end)
    if first >= len(figure_starts) or figure_starts[first] >= a.start:
        return False
    # the starting value follows the time phrase at once (由去年的86.2分, 由上年同期平均36.5小时)
    if not _START_VALUE_LEAD.fullmatch(text, own.end, figure_starts[first]):
        return False
    return re.search(r"到|至|成为|变为|发展成|(?:调整|演变|优化|转变|转|提升|上升|下降)为", text[figure_starts[first]:a.start]) is not None


_START_VALUE_LEAD = re.compile(r"的?(?:平均|人均|户均|每[^\d,，。;；]{1,3})?(?:为|是)?")
_START_VALUE = re.compile(_START_VALUE_LEAD.pattern + r"[\d一二两三四五六七八九十百千万零〇.]")


def _opens_starting_value(text: str, m: TimeMention) -> bool:
    """由去年的3个工作日, 从2015年的48家: a time phrase after 由 / 从 that dates the value it
    starts from."""
    return m.kind in ("span", "prior", "asof") and _FROM_YEAR.search(text, max(0, m.start - 1), m.start) is not None \
        and _START_VALUE.match(text, m.end) is not None


def _counted_back(own: TimeMention, scope: _Scope, full_start: int, ctx: _Context) -> TimeMention:
    """五年累计, 近五年 in a review of a closed year Y (2020年，… read in 2021): the N years
    ending with Y, not the N years up to the article date. A run of years named earlier in
    the sentence (2010年至2012年，…三年累计) ends the count at its last year."""
    earlier = _governing(scope, own.start, full_start)
    stated = earlier.period if earlier is not None and not _is_window(earlier) else None
    anchor = None
    for p in (stated, ctx.frame.period if ctx.frame is not None and not _is_window(ctx.frame) else None,
              ctx.section, ctx.title):
        if p is not None and (p.start.month, p.start.day, p.end.month, p.end.day) == (1, 1, 12, 31) \
                and (p.start.year == p.end.year or p is stated) and p.end < ctx.published:
            anchor = p.end.year
            break
    if anchor is None or anchor == ctx.published.year:
        return own
    period = Period(date(anchor - own.window + 1, 1, 1), date(anchor, 12, 31), own.period.label if own.period else "")
    return TimeMention(own.start, own.end, own.kind, period, own.years, own.deadline, own.window)


def _base_year_period(text: str, s0: int, s1: int, published: date) -> Period | None:
    """比上年增长 with no period stated, early in a year: the statistics of the year before."""
    if published.month > 4:
        return None
    if re.search(r"(?:比|较)(?:上年|去年)(?!同期)", text[s0:s1]):
        return year_span(published.year - 1, "上年")
    return None


def _year_to_date(frame: TimeMention | None, published: date) -> Period | None:
    """A frame that is a closed window from the first of January (1-10月, 前三季度, 上半年)."""
    if frame is None or frame.period is None or frame.window:
        return None
    p = frame.period
    if frame.kind == "asof" and p.start == p.end and p.end.month > 1 and _month_end(p.end.year, p.end.month) == p.end:
        # 截至7月底，…完成投资706.1亿元: what was done by a month's end is done since January
        p = Period(date(p.end.year, 1, 1), p.end, f"1-{p.end.month}月（{p.label}）")
    elif frame.kind != "span":
        return None
    if (p.start.month, p.start.day) != (1, 1) or p.end >= published or p.start.year != p.end.year \
            or (p.end.month, p.end.day) == (12, 31):
        return None
    return p
