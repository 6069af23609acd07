"""Goals or results: 预计 of a closed period is an estimate, 争取 of money won a result, a
closed period between a cue and its figure a report; in goal-setting sections and plan
articles figures are goals."""
from __future__ import annotations

import bisect
import re
from datetime import date

from ingest.extract.attributes import _is_attribute, _names_capacity
from ingest.extract.clauses import _clause_end, _clause_start
from ingest.extract.context import _Context
from ingest.extract.scan import _Atom
from ingest.extract.scope import _governing, _Scope, _standalone
from ingest.extract.targets import _COMPLETION, _DONE_CUE
from ingest.extract.timing import closing_to
from ingest.periods import Period, TimeMention, find_time_mentions, year_span


def _estimate(text: str, cue: tuple[str, int], a: _Atom, full_start: int, scope: _Scope,
              ctx: _Context) -> Period | None:
    """预计全年增长6.5% in a December review, 2020年，…预计增长3.2% in January: 预计 of a
    period that is over (or about to close) estimates a result; it is not a goal. Returns the
    period estimated, None for a goal or a projection.

    The period must be the figure's own (after 预计) or the frame of the sentence, not a date
    inside another clause (项目于2021年开工，预计年产值10亿元 is a projection). With no time
    phrase in the sentence, the paragraph's frame decides when it is a year just closed (a
    review published early the next year), and late in a year (from mid-November) 预计达到…
    speaks of the year about to close."""
    word, at = cue
    if word not in ("预计", "预期") or text.startswith(("预期目标", "预计目标"), at):
        return None
    mention = _governing(scope, a.start, full_start)
    # A time phrase inside an earlier clause (项目于2021年开工，预计…) is not the estimate's; then
    # the frame decides, as when the sentence has none.
    # (工业生产保持平稳增长，上半年规模以上工业企业完成产值437亿元，…，预计实现利税38.6亿元: a closed
    # period opening an earlier clause governs the estimate too)
    if mention is not None and (mention.start > at or _standalone(text, mention, full_start)
                                or mention.start >= _clause_start(text, at, full_start)
                                or (mention.kind == "span" and mention.period is not None
                                    and mention.period.end < ctx.published
                                    and _clause_start(text, mention.start, full_start) == mention.start)):
        if mention.kind == "years" and mention.period is not None and (
                mention.period.end < ctx.published or (mention.period.end.year == ctx.published.year
                                                       and (ctx.published.month, ctx.published.day) >= _YEAR_CLOSING)):
            # 预计2015-2017年年均增长12% written in 2019: years gone by; 2016年至2018年，…预计年均
            # 增长24.5% in late December 2018: the run of years closing
            return mention.period
        closing = closing_to(mention.period, ctx.published) if mention.kind == "horizon" and mention.start > at else None
        if closing is not None:
            return closing  # 预计到年末，全县地区生产总值完成115亿元 (22 December): the year's close, estimated
        if mention.period is None or mention.kind not in ("span", "asof", "since", "prior"):
            return None
        if mention.kind == "since" and (date(mention.period.end.year, 12, 31) - mention.period.end).days > 92:
            return None  # 今年预计… in August looks ahead to the rest of the year
        period = mention.period
        if mention.kind == "since" and (period.start.month, period.start.day) == (1, 1):
            return year_span(period.start.year, period.label)  # 今年预计… in December: the whole year
        return period
    clause = _clause_start(text, at, full_start)
    if _PROJECTION.search(text, at, a.start) or _PROJECT_SUBJECT.search(text, clause, at) \
            or (_AVERAGE.search(text, at, a.start) and _PROJECT_SUBJECT.search(text, full_start, a.start)) \
            or _AFTER_COMPLETION.search(text, max(full_start, at - 20), at):
        # 项目预计年产值10亿元, 建成后预计可带动就业500人, 项目整体建成后，预计亩均新增产值…:
        # what a project will bring
        return None
    published = ctx.published
    frame = ctx.framing()
    if (published.month, published.day) >= _YEAR_CLOSING and (frame is None or frame.start.year == published.year):
        return year_span(published.year, "预计")  # 前三季度，…。预计达到… in December: the whole year
    if frame is not None and frame.end < published and published.month <= 3 and frame.end.year == published.year - 1:
        return frame  # 2022年，全县经济回升。…预计增长4% in January 2023
    if frame is not None and frame.end < published and (published - frame.end).days <= _ESTIMATE_LAG:
        return frame  # 1至2月，…营利性服务业收入预计95亿元左右 in March: the months gone by
    if frame is None and published.month <= _EARLY_ESTIMATE_MONTHS:
        return year_span(published.year - 1, "预计")  # a January work report: 预计地区生产总值… of the year just closed
    closed = ctx.passage_frame_year
    if closed is not None and closed < published.year and (frame is None or frame.end.year == closed):
        # 2021年，预计全区主要指标完成情况如下：⏎——地区生产总值预计实现1900亿元: the closed year
        # the paragraphs before were framed by
        return year_span(closed, "预计")
    return None


# 预计 of the months just closed that frame the paragraph (a release of 1-2月 in March).
_ESTIMATE_LAG = 62
# Until the statistics of the year are out (end of February), 预计 with no time phrase speaks of the year just closed.
_EARLY_ESTIMATE_MONTHS = 2
# From this day on, an estimate with no time phrase (预计达到…) is of the year about to close.
_YEAR_CLOSING = (11, 15)
_PROJECTION = re.compile(r"建成|投产|达产|达效|投用|运营|竣工|满产|年产|年可|每年|带动|届时|总投资|可(?!支配)|将|后")
# 年均 projects only what a project will yield (项目预计年均产值…); over a closed span
# (这五年，预计营业总收入达3475亿元、年均增速15.7%) it averages the years gone by.
_AVERAGE = re.compile(r"年均")
_PROJECT_SUBJECT = re.compile(r"项目|工程|基地|园区建成|生产线")
_AFTER_COMPLETION = re.compile(rf"(?:{_COMPLETION}|满产)后[,，、]?\s*$")


def _obtained(text: str, cue_at: int, clause_start: int, period: Period | None, ctx: _Context) -> bool:
    """争取上级资金1.2亿元 reports money won, not a goal, when the clause counts a result
    (共争取, 累计争取, 争取到) or the period it stands in is over (2013年, 今年以来) or the
    section reviews past work."""
    if text.startswith(("争取到", "争取了"), cue_at):
        return True
    if _RESULT_WORD.search(text, clause_start, cue_at):
        return True
    if period is not None and (period.end < ctx.published
                               or (period.end == ctx.published and _MONEY_SOUGHT.match(text, cue_at + 2))):
        return True  # 今年以来，争取省级资金3.2亿元 is money won; 今年，…争取新开工项目70个 is a goal
    return ctx.review


_MONEY_SOUGHT = re.compile(r"[^,，。;；\d]{0,10}?(?:资金|补助|债券|专项债|奖补|经费|拨款|贷款)")
_RESULT_WORD = re.compile(r"共|累计|合计|总计|全年|已|成功|先后")


def _past_after_cue(text: str, cue: tuple[str, int], a: _Atom, scope: _Scope, published: date) -> bool:
    """力求…实现突破，去年共签约项目19个: a clause of its own dated to a closed period, between
    the cue of intent and the figure, reports a result; the intent stays in its clause."""
    word, at = cue
    if word in ("级", "实事", "目标") or at >= a.start:
        return False
    cue_clause_end = _clause_end(text, at, a.start)
    i = bisect.bisect_left(scope.starts, cue_clause_end)
    while i < len(scope.mentions) and scope.mentions[i].start < a.start:
        m = scope.mentions[i]
        if m.kind in ("span", "asof") and m.period is not None and m.period.end < published and not m.window \
                and m.period.label not in ("全年", "年底", "年末", "底", "末"):
            return True
        i += 1
    return False


# Headings and titles of goal-setting text, and of text looking back (which wins).
_GOAL_HEADING = re.compile(r"目标|任务|安排|打算|规划(?!建设|设计|局|馆|区|引领)|展望|计划(?!生育|单列|总?投资)|思路|举措|重点工作"
                           r"|下一步|工作要点|实施方案|行动方案")
_REVIEW_HEADING = re.compile(r"回顾|成效|成绩|完成|进展|基础|现状|总结|发展情况|运行情况|取得|实现情况|超额")
# A title that makes the whole article a plan (a news headline that mentions 目标 does not).
_PLAN_TITLE = re.compile(r"规划(?!建设|设计|局|馆|区|引领)|工作安排|工作要点|实施方案|行动方案|行动计划|工作计划|主要目标|预期目标|目标任务")
# Time words that in a goal section name the goal year, not a period gone by (全年 in January).
_GOAL_YEAR_WORDS = frozenset({"全年", "今年", "本年", "年底", "年末", "明年"})


def _goal_context(section: str | None, title: str | None, published: date) -> tuple[bool, Period | None]:
    """Whether a paragraph stands in goal-setting text (a section headed 主要目标 / 2022年工作安排 /
    发展目标, or a plan article with no such sections), and the horizon the heading names."""
    for text, goal_words in ((section, _GOAL_HEADING), (title, _PLAN_TITLE)):
        if not text:
            continue
        if goal_words is _GOAL_HEADING and title and title in text:
            goal_words = _PLAN_TITLE  # 行业新闻 » <the headline>: the title repeated, read as a title
        if _REVIEW_HEADING.search(text):
            return False, None
        if goal_words.search(text):
            horizon = next((m.period for m in find_time_mentions(text, published) if m.kind == "horizon"), None)
            return True, horizon
        # A section of its own kind (空间布局, 重点产业, 保障措施) is part of a plan when the
        # article is one, and of a report otherwise: the title decides.
    return False, None


def _goal_figure(text: str, a: _Atom, s0: int, own: TimeMention | None, ctx: _Context, scope: _Scope) -> bool:
    """In goal-setting text a figure is a goal unless it is dated to a past period of its own,
    reported as done (已, 目前, 截至), or the size of a thing (总投资50亿元的项目)."""
    while own is not None and text[own.start:own.end] in _GOAL_YEAR_WORDS:
        own = _governing(scope, own.start, s0)  # 2022年，…全年新签约…: the year said first decides
    if own is not None and own.kind != "horizon" and own.period is not None:
        return False
    if own is None and ctx.frame is not None:
        return False
    if _DONE_CUE.search(text, _clause_start(text, a.start, s0), a.start) or _is_attribute(text, a, s0) \
            or _names_capacity(text, a, s0):
        return False
    return True
