"""The figures of one sentence part: their kinds, periods and subjects, decided in steps."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ingest.extract.attributes import (
    _CAPACITY_THING_AFTER,
    _describes_place,
    _event_dated,
    _event_day,
    _is_attribute,
    _names_capacity,
    _project_detail,
    _why_day,
)
from ingest.extract.clauses import _SENTENCE_END, _clause_end, _clause_start, _full_sentence_start
from ingest.extract.context import _Context, _Pending
from ingest.extract.frames import RELEASE_LAG, _event_period
from ingest.extract.goals import _estimate, _goal_figure, _obtained, _past_after_cue
from ingest.extract.kinds import _kind, _why_kind
from ingest.extract.phrases import _cap
from ingest.extract.scan import _Atom
from ingest.extract.scope import _governing, _Scope, _standalone
from ingest.extract.stocks import (
    _NOW_STOCK,
    _STOCK_CUE,
    _YEAR_ON_YEAR,
    _YEAR_PLAN_AFTER,
    _YEAR_PLAN_SHARE,
    _cutoff_day,
    _is_flow,
    _is_stock,
    _since_year_start,
    _title_stock,
)
from ingest.extract.subjects import _CHANGE_SUFFIX, _respectively_groups, _subject
from ingest.extract.targets import _DONE_CUE, _target_cue
from ingest.extract.timing import (
    _BREAKDOWN,
    _FROM_YEAR,
    _WHEN_IT_HAPPENED,
    CUMULATIVE,
    _base_year_period,
    _continues,
    _counted_back,
    _framing_before_now,
    _inherited_period,
    _own_period,
    _starting_point,
    _to_cutoff,
    _why_own,
)
from ingest.extract.units import CLASSIFIER_UNITS
from ingest.periods import Period, TimeMention, as_of, default_period, is_whole_year, months_to, year_earlier, year_span


@dataclass
class _Sentence:
    """One sentence part and what each of its figures is decided against: the cues of intent,
    the estimates and the kinds read from the words before every figure, found before any
    figure is dated."""

    text: str
    sent: tuple[int, int]
    full_start: int                        # where the sentence begins when only full stops end one
    atoms: list[_Atom]
    scope: _Scope
    figure_starts: list[int]
    ctx: _Context
    cues: list[tuple[str, int] | None]     # the cue of intent making each figure a target
    estimates: list[Period | None]         # the period each figure estimates (预计 of a closed period)
    kinds: list[tuple[str, str | None]]    # kind and direction from the words before each figure
    has_change: bool                       # a change figure: the sentence follows the one before
    continuation: bool                     # 其中，分行业看，…: it details what the one before reported
    groups: dict[int, tuple[int, int, int, str]]  # 分别 lists, from _respectively_groups


@dataclass
class _Decision:
    """One figure's kind and period as the steps of _decide settle them, and why."""

    index: int
    atom: _Atom
    kind: str
    direction: str | None
    own: TimeMention | None = None         # the time phrase before it in its own sentence part
    period: Period | None = None
    target_period: Period | None = None
    kind_why: str = ""
    period_why: str = ""
    capacity: bool = False                 # it names the capacity of a plant (年产8万吨…项目)


def _sentence_figures(text: str, sent: tuple[int, int], atoms: list[_Atom], scope: _Scope,
                      figure_starts: list[int], ctx: _Context) -> list[_Pending]:
    s = _read_sentence(text, sent, atoms, scope, figure_starts, ctx)
    pending: list[_Pending] = []
    previous_subject = ""
    for i, a in enumerate(atoms):
        d = _decide(s, i, pending)
        subject = _figure_subject(s, d, previous_subject)
        if d.kind != "change":
            previous_subject = subject or previous_subject
        elif not previous_subject:
            previous_subject = _CHANGE_SUFFIX.sub("", subject)
        pending.append(_Pending(a, d.kind, d.direction, d.period, d.target_period, subject, sent,
                                d.kind_why or _why_kind(text, a, sent[0], d.kind, s.cues[i]), d.period_why))
    reported = [p for p in pending if p.kind != "target" and p.period is not None]
    if reported:
        stocks = [p for p in reported if p.kind != "change"]
        ctx.figure_period = (stocks or reported)[-1].period
    return pending


def _read_sentence(text: str, sent: tuple[int, int], atoms: list[_Atom], scope: _Scope,
                   figure_starts: list[int], ctx: _Context) -> _Sentence:
    """The cues, estimates and kinds of a sentence part's figures, before any is dated."""
    s0, s1 = sent
    full_start = _full_sentence_start(text, s0)
    kinds: list[tuple[str, str | None]] = []
    cues = [_target_cue(text, a, s0, full_start, figure_starts) for a in atoms]
    cues = [None if c is not None and _past_after_cue(text, c, a, scope, ctx.published) else c
            for c, a in zip(cues, atoms)]
    estimates = [_estimate(text, c, a, full_start, scope, ctx) if c is not None else None
                 for c, a in zip(cues, atoms)]
    cues = [None if est is not None else c for c, est in zip(cues, estimates)]
    for i, a in enumerate(atoms):
        kinds.append(_kind(text, a, s0, atoms[i - 1] if i else None, kinds[-1] if kinds else None,
                           cues[i] is not None))
    return _Sentence(text, sent, full_start, atoms, scope, figure_starts, ctx, cues, estimates, kinds,
                     has_change=any(k == "change" for k, _ in kinds), continuation=_continues(text, s0),
                     groups=_respectively_groups(text, s0, s1, atoms))


def _decide(s: _Sentence, i: int, pending: list[_Pending]) -> _Decision:
    """A figure's kind and period, step by step: the time phrase of its own, else what it
    inherits; goals and the sizes of things described; stocks, cutoff days and horizons."""
    d = _Decision(i, s.atoms[i], *s.kinds[i])
    d.own = _own_time(s, d.atom)
    _date_by_own(s, d)
    if d.own is None:
        _date_without_own(s, d, pending)
    elif d.own.kind == "since" and d.own.period is not None and s.text[d.own.start:d.own.end] in ("今年", "本年") \
            and _PLANNED_LIST.search(s.text, d.own.end, d.atom.start) \
            and (listed := _year_project_list(s, d, year_span(s.ctx.published.year, d.own.period.label))) is not None:
        # 今年共规划市级重点项目137个，总投资4334亿元 (in August): the year's list, not the months so far
        d.period, d.period_why = listed, f"the year's project list: {listed.label}"
    elif d.own.kind == "horizon" and (listed := _year_project_list(s, d, d.own.period)) is not None:
        d.period, d.period_why = listed, f"the year's project list: {listed.label}"
    elif d.own.kind == "horizon" and (so_far := _year_so_far(s, d)) is not None:
        d.period, d.period_why = so_far, f"the year so far, reported as done: {d.own.period.label if d.own.period else ''}"
    elif d.own.kind == "horizon" and (estimate := s.estimates[d.index]) is not None:
        d.period, d.target_period = estimate, None  # 预计到年末，…完成115亿元 (22 December): the year's close
        d.period_why = f"预计 of a period about to close: {estimate.label}"
        d.kind_why = "estimate (预计 of a period about to close), not a target"
    elif d.own.kind == "horizon" and d.atom.unit == "%" and _SHARE_OF_GOAL.search(s.text, max(s.sent[0], d.atom.start - 8), d.atom.start):
        # 今年一季度，…累计完成14.98亿元，完成全年43亿元目标任务的34.82%: the part of the year's goal
        # done so far, a share, dated as the work done (the goal alone is the horizon's)
        d.kind, d.direction = "share", None
        d.kind_why = "share: the part of the year's goal done"
        d.period, d.period_why = _inherited_period(s.text, d.atom, s.sent, s.scope, s.figure_starts, s.ctx, s.continuation,
                                                   s.has_change)
    elif d.own.kind == "horizon":
        d.kind, d.direction = "target", None
        d.kind_why = f"target: horizon {d.own.period.label if d.own.period else ''}"
    elif d.kind == "change" and (framed := _framing_before_now(d.own, s.ctx)) is not None:
        # 1-11月，…。目前全县在库项目141个，其中5千万以上的67个，完成投资同比增长23.0%: a change
        # has no day; it is the period that framed the paragraph before 目前 took over
        d.period, d.period_why = framed, f"a change under 目前: the period framing the paragraph, {framed.label}"
    if d.period is None:
        d.period = _base_year_period(s.text, s.sent[0], s.sent[1], s.ctx.published)
        if d.period is not None:
            d.period_why = "比上年 early in a year: the year before"
    _yearly_average(s, d)
    _goal_or_size(s, d)
    _described_thing(s, d)
    _money_obtained(s, d)
    _effort_of_a_closed_period(s, d)
    _year_plan_investment(s, d)
    if d.period is None:
        d.period = default_period(s.ctx.published)
        d.period_why = "no time phrase in force: the article's date"
    _settle_period(s, d, pending)
    _target_horizon(s, d)
    return d


def _own_time(s: _Sentence, a: _Atom) -> TimeMention | None:
    """The time phrase before the figure in its sentence part that dates it."""
    text, scope, s0 = s.text, s.scope, s.sent[0]
    base_value = _base_value(scope, text, a)
    if base_value is not None:
        return base_value
    own = _governing(scope, a.start, s0)
    while own is not None and _bracketed_before(text, own, a.start):
        own = _governing(scope, own.start, s0)  # 2010年1-9月，全国56个国家级经开区(2010年新升级34个…未纳入统计)实现…
    while own is not None and own.kind == "asof" and _WHEN_IT_HAPPENED.match(text, own.end) is not None:
        # 市工信局今天发布的“半年报”显示，…增长11.5%: the day a report came out dates the report, not its figures
        own = _governing(scope, own.start, s0)
    while own is not None and (own.deadline or own.kind == "prior") and own.start < _clause_start(text, a.start, s0):
        # 力争10月底前…，新增就业500人: the deadline stays in its clause; so does the base period
        # (…3.9亿美元，而去年同期仅4072万美元，同比激增8.6倍，其中进口1.7亿美元)
        own = _governing(scope, own.start, s0)
    if own is not None and _starting_point(text, own, a, s.figure_starts):
        own = _governing(scope, own.start, s0)  # 由2015年的48家增加到156家: 156家 is now
    if own is not None and own.window and _aside(text, own, a, s0, s.figure_starts):
        own = _governing(scope, own.start, s0)  # 增长13%，增速近6年来持续领跑…，投资增长18%
    if own is not None and own.window and own.period is not None and text.endswith("经过", max(0, own.start - 3), own.start) \
            and "已" in text[own.end:a.start]:
        # 2015年，…签订合作框架协议。经过近10年开发建设，产业园已吸引60家企业: what the years of work have
        # built up by now, not a window ending at the year named before
        return replace(own, kind="asof", period=as_of(s.ctx.published, own.period.label))
    if own is not None and own.window and own.period is not None:
        own = _counted_back(own, scope, s.full_start, s.ctx)
    if own is not None and own.kind in ("span", "years") and _run_of_years(own.period):
        assert own.period is not None
        moved = _moved_end(text, a, s0)
        # 2020—2024年…净利润从80.09亿元增长至176.48亿元: the first year's value, then the last's
        if moved == "from":
            return replace(own, period=year_span(own.period.start.year, own.period.label))
        if moved == "to":
            return replace(own, period=year_span(own.period.end.year, own.period.label))
    if own is not None and own.kind == "since" and own.period is not None and _FROM_YEAR.search(text, max(s0, a.start - 2), a.start):
        # 2017年以来，…规上工业企业从39家增加至117家: the value the window started from
        start = own.period.start
        day = start - timedelta(days=1) if (start.month, start.day) == (1, 1) else start
        period = as_of(day, own.period.label) if a.unit in CLASSIFIER_UNITS else year_span(day.year, own.period.label)
        return replace(own, kind="asof" if a.unit in CLASSIFIER_UNITS else "span", period=period)
    return own


def _bracketed_before(text: str, m: TimeMention, pos: int) -> bool:
    """The time phrase stands in brackets closed before ``pos``: an aside, dating nothing outside it."""
    opening = max(text.rfind("(", max(0, m.start - 40), m.start), text.rfind("（", max(0, m.start - 40), m.start))
    if opening < 0 or any(c in text[opening:m.start] for c in ")）"):
        return False
    return any(c in text[m.end:pos] for c in ")）")


def _base_value(scope: _Scope, text: str, a: _Atom) -> TimeMention | None:
    """比2015年的1210家增长428家: the value right after a base period is the base's own value,
    of the period the base names (not of the period in force, nor a multiple: 是2005年的5.2倍)."""
    i = bisect.bisect_left(scope.starts, a.start) - 1
    if i < 0 or a.unit in ("倍", "个百分点", "百分点"):
        return None
    m = scope.mentions[i]
    if m.kind != "base" or m.base is None or text[m.end:a.start] != "的":
        return None
    return replace(m, kind="asof" if m.base.start == m.base.end else "span", period=m.base, base=None)


def _aside(text: str, own: TimeMention, a: _Atom, s0: int, figure_starts: list[int]) -> bool:
    """A run of recent years (近6年来) inside an earlier clause that holds no figure and that
    it does not open: it dates the remark it stands in, not the figures after it."""
    clause = _clause_start(text, own.start, s0)
    if clause >= _clause_start(text, a.start, s0) or _standalone(text, own, s0):
        return False
    end = _clause_end(text, own.end, len(text))
    return clause > s0 and not any(clause <= f < end for f in figure_starts)


def _run_of_years(p: Period | None) -> bool:
    """Whole calendar years, more than one (2020—2024年, “十二五”时期)."""
    return p is not None and p.start.year < p.end.year \
        and (p.start.month, p.start.day, p.end.month, p.end.day) == (1, 1, 12, 31)


def _moved_end(text: str, a: _Atom, s0: int) -> str | None:
    """'from' for the value a change over years starts from (从109.5亿元增至…), 'to' for the one it
    reaches (…增至237.2亿元), None for neither."""
    if _FROM_YEAR.search(text, max(s0, a.start - 2), a.start):
        return "from"
    clause = _clause_start(text, a.start, s0)
    if _RAISED_TO_BEFORE.search(text, max(clause, a.start - 6), a.start) and re.search(r"[从由]", text[clause:a.start]):
        return "to"
    return None


_YOY_CHANGE = re.compile(r"同比(?:分别)?(?:增长|增加|提高|下降|减少)")
_RAISED_TO_BEFORE = re.compile(r"(?:增长|增加|提高|提升|上升|扩大|跃升|下降|减少|降低)(?:到|至)了?$|增至$|升至$|降至$")
_AGAINST_PRIOR = re.compile(r"(?:快于|慢于|高于|低于|高出|低出|比|较|超过|好于)$")


def _date_by_own(s: _Sentence, d: _Decision) -> None:
    """The period (or target horizon) the figure's own time phrase sets; 上年同期 counts back
    a year from the period in force."""
    own, text, ctx = d.own, s.text, s.ctx
    d.period, d.target_period = _own_period(own, d.index, s.groups)
    d.period_why = _why_own(own, d.index, s.groups)
    listed = _listed_period(s, d)
    if listed is not None:
        d.period, d.period_why = listed, f"分别 list over the periods named, in order: {listed.label}"
        return
    if own is not None and own.kind == "span" and d.period is not None and not own.window \
            and CUMULATIVE.search(text, own.end, d.atom.start) is not None \
            and (_clause_start(text, d.atom.start, s.sent[0]) <= own.start or _standalone(text, own, s.sent[0])) \
            and (months := months_to(d.period)) is not None:
        # 其中10月份规上工业增加值累计增速实现0.2%, 6月，全区一般公共预算收入累计完成316580万元: a month's
        # cumulative figure is of the months up to it
        d.period, d.period_why = months, f"cumulative up to the month: {months.label}"
    if own is not None and (bounded := _to_cutoff(own, s.scope, text)) is not own and bounded.period is not None:
        # 至7月底，今年萧山机场累计完成客运量1834.93万人: this year up to that day
        cutoff = bounded.period.label.removesuffix(own.period.label if own.period else "")
        d.period, d.period_why = bounded.period, f"this year up to the 截至 day before it: {cutoff}"
    if own is not None and own.kind == "asof" and own.period is not None and own.period.start == own.period.end < ctx.published \
            and (founded := _FOUNDED_THEN_TOTAL.search(text, own.end, d.atom.start)) is not None \
            and not _SENTENCE_END.search(text, own.end, founded.start()):
        # 2019年8月31日，…片区挂牌成立，…，累计新增市场主体1043家: a total run up since the founding
        # day, held on the article's day
        d.period = as_of(ctx.published, "")
        d.period_why = f"a total since the day of the founding ({own.period.label}): the article's date"
    frame = ctx.frame.period if ctx.frame is not None and ctx.frame.kind == "span" and not ctx.frame.window else None
    if own is not None and own.kind == "since" and own.period is not None and text[own.start:own.end] in ("今年", "本年") \
            and frame is not None and (frame.start.month, frame.start.day) == (1, 1) \
            and frame.start.year == own.period.start.year and frame.end < own.period.end:
        # 1至7月，全区在库项目172个…。亿元以上项目本年完成投资较去年同期增长19.5%: this year in a
        # release of the months so far is those months
        d.period, d.period_why = frame, f"this year in a release of {frame.label}"
    if own is not None and own.kind == "prior":
        current = _governing(s.scope, own.start, 0)
        now = current.period if current is not None and current.kind != "prior" else ctx.framing()
        if d.kind == "change" and _AGAINST_PRIOR.search(text, max(0, own.start - 3), own.start) and now is not None:
            # 增速…快于上年同期0.4个百分点: the gap is the period in force's, measured against a year before
            d.period, d.period_why = now, f"a change against 上年同期: the period in force, {now.label}"
            return
        if now is not None and now.start == now.end and not _STOCK_CUE.search(text, s.full_start, own.start):
            # 截至10月底…，上年同期为…: the months up to that day a year before, unless the
            # figure is a balance held on the day (贷款余额…，上年同期为…)
            now = Period(now.start.replace(month=1, day=1), now.end, now.label)
        d.period = year_earlier(now) if now is not None else year_span(ctx.published.year - 1)
        d.period_why = f"去年同期 of the period in force ({own.period.label if own.period else '去年同期'})"


def _date_without_own(s: _Sentence, d: _Decision, pending: list[_Pending]) -> None:
    """A figure with no time phrase of its own: the period it estimates, or the one it
    inherits from the sentence, paragraph, section, title or event; under a paragraph's
    horizon (到2025年，…) it is a target."""
    text, ctx, a, s0 = s.text, s.ctx, d.atom, s.sent[0]
    estimate = s.estimates[d.index]
    if estimate is not None:
        d.period = estimate  # 预计达到3.2% in December: the year about to close
        d.period_why = f"预计 of a period over or closing: {estimate.label}"
        d.kind_why = "estimate (预计 of a closed period), not a target"
        return
    d.period, d.period_why = _inherited_period(text, a, s.sent, s.scope, s.figure_starts, ctx, s.continuation,
                                               s.has_change)
    run = d.period
    if d.kind == "level" and run is not None and _run_of_years(run):
        moved = _moved_end(text, a, s0)
        if moved == "from":
            # 五年来，…全区地区生产总值从109.5亿元增至237.2亿元: the value the years started from, the year before them
            d.period, d.period_why = year_span(run.start.year - 1, run.label), f"the value before {run.label}"
        elif moved == "to":
            d.period, d.period_why = year_span(run.end.year, run.label), f"the value reached at the end of {run.label}"
    if ctx.event is not None and d.kind != "target" and _EVENT_NAMED_BEFORE.search(text, _clause_start(text, a.start, s0), a.start):
        # 今年以来，…已招引项目27个…。集中签约的10个项目总投资42.95亿元: the projects of the event reported
        named = _event_period(text, s.sent, ctx)
        if named is not None:
            d.period, d.period_why = named, f"the projects of the event the article reports ({named.label})"
    # only figures of a 分别 list look back for the sentence's years
    last = _governing(s.scope, a.start, s.full_start) if d.index in s.groups else None
    if last is not None and last.kind == "years" and last.period is not None \
            and s.groups[d.index][2] == len(last.years):
        # 2016年至2018年，分别完成…；分别完成工业开票销售506亿元、639.4亿元、785亿元: a later part's
        # 分别 list maps onto the years the sentence named
        d.period = _own_period(last, d.index, s.groups)[0]
        d.period_why = _why_own(last, d.index, s.groups)
    event = None
    if d.period is None and d.kind != "target":
        d.period = event = _event_period(text, s.sent, ctx)
        if d.period is not None:
            d.period_why = f"the event the article reports ({d.period.label}), named again in this sentence"
    if d.period is not None and d.period is ctx.title and d.kind != "change" \
            and _title_stock(text, a, s0, pending, ctx.published):
        d.period = None  # 一季度… title, 可办理事项达到1326项: a stock held on the article's day
    # 参加此次集中开工项目共22项 under a paragraph's 2022年: the event reported, not a goal
    listed = _year_project_list(s, d, ctx.horizon.period) if ctx.horizon is not None else None
    if ctx.horizon is not None and d.kind != "target" and not _DONE_CUE.search(text, s0, a.start) \
            and ctx.frame is None and event is None and listed is not None:
        d.period, d.period_why = listed, f"the year's project list: {listed.label}"
    elif ctx.horizon is not None and d.kind != "target" and not _DONE_CUE.search(text, s0, a.start) \
            and ctx.frame is None and event is None and not _YOY_CHANGE.search(text, _clause_start(text, a.start, s0), a.start):
        # (重点项目个数、总投资…同比分别增长111%、150%: a change on the year before is reported, not planned)
        d.kind, d.direction, d.target_period = "target", None, ctx.horizon.period
        d.kind_why = f"target: paragraph horizon {ctx.horizon.period.label if ctx.horizon.period else ''}"


# The projects of the event itself: 集中签约的10个项目, 此次开工的项目.
_EVENT_NAMED_BEFORE = re.compile(r"(?:集中|此次|本次|这次)(?:开工|签约|竣工|投产)的")
# A count of projects or their total investment (2023年县级重点项目共530项，总投资2944.74亿元).
_PROJECT_COUNT_UNITS = frozenset({"项", "个"})
_PROJECT_LIST_WORD = re.compile(r"项目")
_PLANNED_LIST = re.compile(r"规划|谋划|安排|排定|争列")
_STRIVING = re.compile(r"通过|大力|全力|着力|加快|加速|积极|努力|扎实|全面|重点推进|推动")
_PROJECT_SUM_BEFORE = re.compile(r"总投资(?:额|规模)?(?:为|达|达到|约)?$")


def _year_project_list(s: _Sentence, d: _Decision, horizon: Period | None) -> Period | None:
    """2023年县级重点项目共530项，总投资2944.74亿元 in July 2023: the current year names the
    year's list of projects, whose size is reported, not planned; with no word of intent the
    count and its 总投资 are levels of that year (a plan says 计划, 力争, 将)."""
    if horizon is None or s.cues[d.index] is not None or d.kind != "level" \
            or horizon.start.year != horizon.end.year or horizon.start.year != s.ctx.published.year:
        return None
    a, text = d.atom, s.text
    clause = _clause_start(text, a.start, s.sent[0])
    if _STRIVING.search(text, clause, a.start) is not None:
        return None  # 今年…通过大力实施116个超亿元产业项目: the year's work ahead, a goal
    if a.unit in _PROJECT_COUNT_UNITS:
        listed = _PROJECT_LIST_WORD.search(text, clause, _clause_end(text, a.end, s.sent[1])) is not None
    else:
        listed = a.unit == "元" and _PROJECT_SUM_BEFORE.search(text, clause, a.start) is not None \
            and _PROJECT_LIST_WORD.search(text, s.sent[0], a.start) is not None
    return horizon if listed else None


def _year_so_far(s: _Sentence, d: _Decision) -> Period | None:
    """截至目前，…当年投资完成率分别达到100%、204%: the current year said of what is already done
    (截至, 目前, 已 before it) is the year so far, not a goal for the year."""
    own, published = d.own, s.ctx.published
    year = year_span(published.year)
    if own is None or own.period is None or (own.period.start, own.period.end) != (year.start, year.end) \
            or s.cues[d.index] is not None:
        return None
    if _DONE_CUE.search(s.text, s.full_start, d.atom.start) is None:
        return None
    return Period(own.period.start, published, own.period.label)


# A founding (挂牌成立, 获批设立, 开园) and a running total after it in the same sentence.
_FOUNDED_THEN_TOTAL = re.compile(r"(?:挂牌|成立|设立|获批|开园|开港|开通|启动|投运|运营)[^。！？!?]*?累计[^。！？!?]*$")


_SHARE_OF_GOAL = re.compile(r"(?:目标|计划|任务)(?:任务)?的$")


# 将全力实施总投资451.3亿元的重点项目135个: the sum over a group of projects planned, not one project's size.
_SIZE_BEFORE_WILL = re.compile(r"总投资(?:额)?$")
_GROUP_COUNT_AFTER = re.compile(r"的[^,，。;；:：\d]{0,14}?(?:项目|工程)\s*\d+\s*[个项]")


def _goal_or_size(s: _Sentence, d: _Decision) -> None:
    """A figure in goal-setting text is a goal; one that 将 or 拟 only seems to make a goal is
    the size of a project."""
    text, ctx, a, s0 = s.text, s.ctx, d.atom, s.sent[0]
    if ctx.goal and d.kind != "target" and _goal_figure(text, a, s0, d.own, ctx, s.scope):
        d.kind, d.direction, d.target_period = "target", None, ctx.goal_period
        d.kind_why = "target: in a section or article of goals"
    cue = s.cues[d.index]
    if d.kind == "target" and cue is not None and cue[0] in ("将", "拟") \
            and ((_is_attribute(text, a, s0) and not _GROUP_COUNT_AFTER.match(text, a.end))
                 or (cue[0] == "将" and _SIZE_BEFORE_WILL.search(text, max(s0, cue[1] - 4), cue[1]) is not None
                     and _clause_start(text, a.start, s0) <= cue[1])):
        # 集中开工第二批13个项目，总投资将超过27亿元: what the projects add up to, not a goal
        # 将加快推进总投资50亿元的项目: the size of the project, not a goal
        d.kind, d.direction = "level", None
        d.period = _event_day(d.period, ctx)
        d.kind_why, d.period_why = "level: the size of a project (将/拟 does not make it a goal)", _why_day(d.period)


def _yearly_average(s: _Sentence, d: _Decision) -> None:
    """生产总值从2013年的1130.5亿元增加到2017年的1585.5亿元，年均增长9%: an average growth over the
    years the sentence runs from and to (and the gap of it, 高于全省平均水平0.7个百分点)."""
    if d.kind != "change" or d.period is None or not is_whole_year(d.period):
        return  # (2022年上半年，…比2019年增长48.3%，两年平均增长21.8%: a half year's two-year average)
    clause = _clause_start(s.text, d.atom.start, s.full_start)
    average = _AVERAGE_BEFORE.search(s.text, clause, d.atom.start)
    if average is None and not (d.atom.unit == "百分点" and _AVERAGE_BEFORE.search(s.text, s.full_start, clause)
                                and _GAP_BEFORE.search(s.text, clause, d.atom.start)):
        return
    named = list(_YEAR_NAMED.finditer(s.text, s.full_start, d.atom.start))
    years = [int(m.group(1)) for m in named]
    if len(years) < 2 or min(years) >= d.period.end.year or max(years) != d.period.end.year:
        return
    first = min(named, key=lambda m: int(m.group(1)))
    # a base year's value (是2015年的1.33倍，年均增长6.5%) grows from the year after it: 2016-2020;
    # 2017年以来 runs from 2017
    start = int(first.group(1)) + (1 if s.text.startswith("的", first.end()) else 0)
    d.period = Period(date(start, 1, 1), d.period.end, f"{start}-{d.period.end.year}年")
    d.period_why = f"a yearly average over the years the sentence names: {d.period.label}"


_AVERAGE_BEFORE = re.compile(r"(?<![两二三四五六七八九十\d])年(?:均|平均)")
_GAP_BEFORE = re.compile(r"高于|低于|快于|慢于|超过|超出")
_YEAR_NAMED = re.compile(r"((?:19|20)\d\d)\s*年")


def _listed_period(s: _Sentence, d: _Decision) -> Period | None:
    """第一季度、上半年、第三季度规上工业增加值累计增速分别为-9.9%、-4.6%和-0.6%: a 分别 list maps
    onto a list of periods named before it, in order (cumulative ones from January)."""
    group = s.groups.get(d.index)
    if group is None or group[2] < 2:
        return None
    pos, first, size, _ = group
    named = [m for m in s.scope.mentions if s.full_start <= m.start < pos and m.kind == "span" and m.period is not None]
    run: list[TimeMention] = []
    for m in named:
        if run and not _PERIOD_LIST_SEP.fullmatch(s.text, run[-1].end, m.start):
            run = []
        run.append(m)
    if len(run) != size:
        return None
    period = run[d.index - first].period
    assert period is not None
    year = min(m.period.start.year for m in run if m.period is not None)
    if period.start.year != year and period.start.year == period.end.year:
        # (第一季度、上半年、第三季度 read in July: the parts of one year, the one the last closed part is of)
        period = Period(period.start.replace(year=year), period.end.replace(year=year), period.label)
    if CUMULATIVE.search(s.text, run[-1].end, pos) is not None and (period.start.month, period.start.day) != (1, 1) \
            and period.start.year == period.end.year:
        period = Period(period.start.replace(month=1, day=1), period.end, period.label)   # 第三季度…累计: 1-9月
    return period


_PERIOD_LIST_SEP = re.compile(r"\s*(?:、|，|,|和|及|与|以及)\s*")


def _described_thing(s: _Sentence, d: _Decision) -> None:
    """The size of a project, a place or a plant as the article describes it: dated to the
    day it is described on, not to the period that produced the other figures."""
    text, ctx, a, s0, own = s.text, s.ctx, d.atom, s.sent[0], d.own
    if d.kind == "level" and (_is_attribute(text, a, s0) or _project_detail(text, a, s0, s.full_start)) \
            and (own is None or own.start < _clause_start(text, a.start, s0)):
        # 总投资120亿元的项目, 占地300亩的园区, 该项目一期投资45亿元，占地760亩: the size of a
        # thing as the article describes it, not what the period produced; on the day of
        # the event it stands in (昨天…开工，投资5.3亿元的…项目) when one is in force.
        d.period = _event_day(d.period, ctx)
        d.period_why = "attribute of a project: " + _why_day(d.period)
    if d.kind == "level" and _describes_place(text, a, s0) and _event_dated(text, own, ctx, a, s0):
        # 1994年10月经省政府批准设立，总面积60.24平方公里: the founding date dates the
        # founding; the size of the place is the passage's, on the article's day
        d.period = default_period(ctx.published)
        d.period_why = "description of a place: not dated by the founding event before it; article date"
    d.capacity = _names_capacity(text, a, s0)
    if d.capacity and (d.kind == "level" or (d.kind == "target" and d.target_period is None and not ctx.goal
                                             and not (own is not None and own.kind == "horizon"))):
        # 年产8万吨聚氯乙烯项目, 20万吨/年聚丙烯项目: the size of the plant named, as the article
        # describes it; neither a goal (预计…投产) nor what a month (6月上旬) produced.
        d.kind, d.direction = "level", None
        d.period = _event_day(d.period, ctx)
        d.kind_why, d.period_why = "level: capacity of a plant", "capacity of a plant: " + _why_day(d.period)


def _money_obtained(s: _Sentence, d: _Decision) -> None:
    """争取上级资金1.2亿元 reporting money won is no goal: the figure gets the kind its words give."""
    text, a, s0, i = s.text, d.atom, s.sent[0], d.index
    cue = s.cues[i]
    if d.kind == "target" and cue is not None and cue[0] == "争取" and d.target_period is None \
            and _obtained(text, cue[1], _clause_start(text, cue[1], s0), d.period, s.ctx):
        d.kind, d.direction = _kind(text, a, s0, s.atoms[i - 1] if i else None, s.kinds[i - 1] if i else None)
        d.kind_why = f"{d.kind}: 争取 of money won, not a goal"


# 今年，开发区排定21个重大项目，计划投资13.5亿元: the year's planned investment (not 计划总投资, a project's size).
_PLAN_INVESTMENT_BEFORE = re.compile(r"(?<!总)(?<!项目)计划(?:完成)?投资(?:额)?(?:为|达|约)?$")


def _year_plan_investment(s: _Sentence, d: _Decision) -> None:
    """计划投资 under the current year (今年，…) is the year's plan: a goal for the year."""
    p, published = d.period, s.ctx.published
    if d.kind != "level" or d.atom.unit != "元" or p is None or p.start != date(published.year, 1, 1) \
            or p.end < published or _PLAN_INVESTMENT_BEFORE.search(s.text, max(0, d.atom.start - 8), d.atom.start) is None:
        return
    d.kind, d.direction, d.target_period = "target", None, year_span(published.year)
    d.kind_why = "target: 计划投资 of the current year"


# What is summed over a year (not held on its last day), and the words for a year's end.
_FLOW_MEASURE = re.compile(r"生产总值|GDP|增加值|产值|营业收入|主营业务收入|销售收入|利润|税收|财政收入|进出口|产业结构|比例为")
_YEAR_END_WORD = re.compile(r"年末|年底")
# 截至2019年底，全省…集群有269个，年营业收入19885.02亿元: a flow named as the year's
_ANNUAL_FLOW = re.compile(r"(?<![今去明当上本同])年(?:营业收入|营收|销售收入|销售额|主营业务收入|产值|总产值|利润|税收|纳税)")

_EFFORT = ("努力", "力争", "确保", "力求", "争取")


def _effort_of_a_closed_period(s: _Sentence, d: _Decision) -> None:
    """…努力实现更高质量，园区经济呈现…态势，园区全年规模工业总产值达到2530亿元 (January 2021): a figure of
    a period already over is a result, whatever effort the sentence speaks of."""
    cue, own, i = s.cues[d.index], d.own, d.index
    if d.kind != "target" or cue is None or not cue[0].startswith(_EFFORT) or own is None or own.kind != "span" \
            or own.period is None or own.period.end >= s.ctx.published \
            or cue[1] >= _clause_start(s.text, d.atom.start, s.sent[0]) \
            or any(cue[1] < f < _clause_end(s.text, cue[1], d.atom.start) for f in s.figure_starts):
        # (力争全年进出口增长5%以上: the effort names the figure's own period, a goal; 确保三季度营收
        # 突破260亿元，全年突破520亿元: the effort's own clause sets a figure, and the goals run on)
        return
    d.kind, d.direction = _kind(s.text, d.atom, s.sent[0], s.atoms[i - 1] if i else None, s.kinds[i - 1] if i else None)
    d.target_period = None
    d.kind_why = f"{d.kind}: {cue[0]} said of a period already over ({own.period.label})"


def _settle_period(s: _Sentence, d: _Decision, pending: list[_Pending]) -> None:
    """Stocks held on a day, an estimate of the whole year, a change since the start of the
    year, and a flow counted up to a 截至 day."""
    text, ctx, a, s0 = s.text, s.ctx, d.atom, s.sent[0]
    period = d.period
    assert period is not None
    if d.kind in ("level", "share") and period.start.year < period.end.year and (
            period.start <= ctx.published < period.end or (d.kind == "share" and period.end == ctx.published)):
        # (5年来，产业园区…拥有长沙53%的规模以上工业企业: a share under the years up to now is the state reached)
        # “十四五”期间，…。…178家国家高新区生产总值占全国GDP总数的14.3% (November 2025): under a plan
        # period still running, a count or a share is the state reached by the article's day
        d.period, d.period_why = as_of(ctx.published, period.label), f"reached by the day, within {period.label}"
        return
    if ((d.kind == "change" and _YEAR_ON_YEAR.search(text, _clause_start(text, a.start, s0), a.start))
            or (d.kind == "level" and period.start != period.end)) \
            and _is_stock(text, a, s0, pending, period, ctx.published):
        # 市场主体总量达4.1万户 under 今年以来: a count on a day, not a flow over the months
        # (and 同比增长18% of it compares that count with a year before)
        day = min(period.end, ctx.published)
        release = (period.start.month, period.start.day) == (1, 1) and period.end.month < 12 \
            and period.end < ctx.published and (ctx.published - period.end).days <= RELEASE_LAG
        if _NOW_STOCK.search(text, _clause_start(text, a.start, s0), a.start) and not release:
            # 现有: held on the article's day whatever the paragraph's year (not in a release of the months
            # just closed: 2021年1至11月，…现有628家高新技术产业企业 is held when they closed, CONVENTIONS §5.1)
            day = ctx.published
        # 3月末贷款余额142.9亿元，同比增长13.5%: the change compares the balance on that
        # day with the balance a year before, so it is dated to the day as well.
        period = as_of(day, period.label)
        d.period_why = f"stock held on a day ({day.isoformat()}), not a flow: {d.period_why}"
    if period.start == period.end and (period.end.month, period.end.day) == (12, 31) and d.own is not None \
            and d.kind in ("level", "change", "share") and a.unit not in CLASSIFIER_UNITS \
            and _YEAR_END_WORD.search(d.own.period.label if d.own.period else "") \
            and ((not re.search(r"截至|截止", text[max(s0, d.own.start - 4):d.own.start])
                  and _FLOW_MEASURE.search(text, _clause_start(text, a.start, s0), a.start) is not None)
                 or _ANNUAL_FLOW.search(text, _clause_start(text, a.start, s0), a.start) is not None):
        # 2018年末，全县户籍人口为67万人，国内生产总值128.39亿元，三次产业结构为26.1:35.4:35.5: the
        # year-end names the year a flow was summed over
        period = year_span(period.end.year, period.label)
        d.period_why = f"a flow of the year whose end is named: {d.period_why}"
    if s.estimates[d.index] is not None and d.own is not None and d.own.kind == "since" \
            and period.start.month == 1 and period.start.day == 1:
        period = year_span(period.start.year, period.label)  # 今年预计… in December: the whole year
    if d.kind == "change" and period.start == period.end and _since_year_start(text, a, s0, period.end.year):
        # 截至9月底…比年初增加1026家: the change covers the year up to that day.
        period = Period(period.start.replace(month=1, day=1), period.end, period.label)
    d.period = period
    flow = _flow_to_cutoff(s, d, pending)
    if flow is not None:
        d.period = flow
        d.period_why = f"flow counted up to the 截至 day: {flow.label}"


def _flow_to_cutoff(s: _Sentence, d: _Decision, pending: list[_Pending]) -> Period | None:
    """The months a flow was counted over when its period is the day a 截至 phrase names."""
    text, a, s0, period = s.text, d.atom, s.sent[0], d.period
    assert period is not None
    if d.kind not in ("level", "change", "share") or period.start != period.end \
            or period.start.month * 100 + period.start.day <= 101 or not _cutoff_day(text, s.scope, a.start, period):
        return None
    year_to_day = Period(period.start.replace(month=1, day=1), period.end, period.label)
    if d.kind == "level" and (_is_flow(text, a, s0) or _toward_year_plan(text, a, s0)):
        # 截至10月底，新登记市场主体1268户: counted over the year up to that day; so is work
        # measured against the year's plan (至9月底，全区重点项目累计完成投资367.1亿元，完成年度计划的73.4%)
        return year_to_day
    if d.kind in ("level", "share") and "占" in text[_clause_start(text, a.start, s0):a.start]:
        # 截至2021年年底，…实现工业产值131.78亿元，占该区规上工业总产值177.20亿元的74.36%: the whole and the
        # share are of the months the part was counted over
        part = next((p for p in reversed(pending) if p.kind == "level"), None)
        if part is not None and part.sentence[0] == s0 and part.period is not None \
                and part.period.end == period.end and part.period.start < period.start:
            return part.period
    if d.kind == "share":
        # 完成年度计划的73.4%: the year's work so far against the year's plan
        return year_to_day if _YEAR_PLAN_SHARE.search(text, max(s0, a.start - 12), a.start) else None
    if d.kind == "change" or _BREAKDOWN.match(text, _clause_start(text, a.start, s0)):
        # …，同比增长18.4% / …，其中工业企业20家: the change or the part of the flow just
        # reported covers the same months
        level = next((p for p in reversed(pending) if p.kind != "change"), None)
        if level is not None and level.sentence[0] == s0 and level.period is not None \
                and level.period.end == period.end and level.period.start < period.start:
            return level.period
        if d.kind == "change" and (level is None or level.sentence[0] < s.full_start) and a.unit == "%" \
                and not any(m.kind == "asof" and m.period == period and s.full_start <= m.start < a.start for m in s.scope.mentions):
            # 截至8月底，…。高新技术产业投资增长18%: a growth rate in a later sentence under a 截至
            # day is of the months up to it (a rate has no day; in the 截至 sentence itself it may
            # compare counts held on that day, 截至3月底…项目429个…同比增长15.3%)
            return year_to_day
    return None




def _toward_year_plan(text: str, a: _Atom, s0: int) -> bool:
    """全区重点项目累计完成投资367.1亿元，完成年度计划的73.4%: the amount the share right after it
    measures against the year's plan."""
    clause = _clause_start(text, a.start, s0)
    return "累计完成" in text[clause:a.start] and _YEAR_PLAN_AFTER.match(text, a.end) is not None


def _target_horizon(s: _Sentence, d: _Decision) -> None:
    """The horizon of a goal with none yet: the time phrase of its sentence, or the goal section's."""
    ctx = s.ctx
    if d.kind == "target" and d.target_period is None:
        # the time phrase of the goal's sentence: 今年主要预期目标是：…；…
        stated = d.own if d.own is not None else _governing(s.scope, d.atom.start, s.full_start)
        if stated is not None and stated.period is not None and stated.period.end >= ctx.published:
            d.target_period = year_span(stated.period.start.year) if stated.kind == "since" else stated.period
    if d.kind == "target" and d.target_period is None and ctx.goal:
        d.target_period = ctx.goal_period


def _figure_subject(s: _Sentence, d: _Decision, previous_subject: str) -> str:
    """What the figure measures: its words before it in its clause (or list member), the member
    of a structure ratio, the item of a 分别 list, or the plant a capacity names."""
    text, a, i = s.text, d.atom, d.index
    clause_start = _clause_start(text, a.start, s.sent[0])
    clause_end = _clause_end(text, a.end, s.sent[1])
    if i and s.atoms[i - 1].end > clause_start:
        clause_start = s.atoms[i - 1].end  # a list: 博士45名、硕士360名
    subject = _subject(text, a, clause_start, clause_end, previous_subject, d.kind)
    if a.member:
        subject = a.member
    elif i in s.groups and s.groups[i][3]:
        subject = s.groups[i][3]
    elif d.capacity:
        thing = _CAPACITY_THING_AFTER.match(text, a.end)
        if thing is not None:
            subject = _cap(f"{thing.group().lstrip('的')}产能")  # 聚氯乙烯项目产能
    return subject
