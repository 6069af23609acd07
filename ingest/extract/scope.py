"""The time phrases of a block (ingest.periods) and which of them governs a position: the last
one before it, one standing as a clause of its own, a 截至 phrase later in the sentence."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ingest.extract.clauses import _clause_end, _clause_start, _sentence_head
from ingest.periods import TimeMention


@dataclass(frozen=True)
class _Scope:
    """The time phrases of a block, with their start offsets for bisecting."""

    mentions: list[TimeMention]
    starts: list[int]


def _governing(scope: _Scope, pos: int, lo: int) -> TimeMention | None:
    """The last time phrase in [lo, pos) that sets a period (not a comparison base)."""
    i = bisect.bisect_left(scope.starts, pos) - 1
    while i >= 0 and scope.mentions[i].start >= lo:
        mention = scope.mentions[i]
        if mention.kind != "base" and mention.end <= pos:
            return mention
        i -= 1
    return None


# What may stand before a time phrase that is a clause of its own: 截至9月底， 在今年前三季度，
_FRAME_HEAD = re.compile(r"(?:截至|截止到|截止|截至到|在|于|据统计|经统计|今年|全年|回顾|纵观|盘点|(?:力争|争取|计划|预计|确保)?到)?[“\"「『]?")


def _standalone(text: str, mention: TimeMention, sent_start: int) -> bool:
    """A time phrase that opens its sentence (全年完成… / 2021年该产业…) or is a clause of
    its own (今年以来， / 截至9月底，) frames the rest of the paragraph; one inside a clause
    (申报2021年…项目) only the words after it in its own sentence part."""
    if mention.kind == "base" or mention.period is None:
        return False
    if mention.kind == "asof" and mention.period.start == mention.period.end and _VISIT_AFTER.match(text, mention.end):
        return False  # 9月6日，记者在城区工业园区看到，…: the day of the reporter's visit dates what was seen, no more
    head_end = _sentence_head(text, sent_start)
    if mention.start == head_end or _CONNECTIVE.fullmatch(text, head_end, mention.start) is not None \
            or _REPORT_LEAD.fullmatch(text, head_end, mention.start) is not None:
        return True
    lo = _clause_start(text, mention.start, sent_start)
    if _FRAME_HEAD.fullmatch(text, lo, mention.start) is not None and text[mention.end:mention.end + 1] in (",", "，"):
        return True
    if _PLACE_HEAD.fullmatch(text, head_end, mention.start) is not None \
            and _REPORT_VERB.match(text, mention.end) is not None:
        return True  # 据统计，高新区2002年实现国内生产总值204亿元…。全区完成全社会固定资产投入56.3亿元
    # 在2017年度全省开发区综合考评中，…；…: a scene-setting clause opening the sentence
    return lo == head_end and _SCENE.fullmatch(text, lo, _clause_end(text, mention.end, len(text))) is not None


# A reporter's visit on a day (记者在…看到, 记者走进…).
_VISIT_AFTER = re.compile(r"(?:上午|下午)?[,，]?\s*(?:记者|笔者)(?:在|到|走进|来到|走访|探访)[^。！？!?]{0,30}?(?:看到|见到|看见|了解到|获悉)")
# A connective opening a sentence before its time phrase (具体看，2021年…; 同时，今年以来…).
_CONNECTIVE = re.compile(r"(?:具体(?:来)?看|具体而言|总体(?:来)?看|总的来看|同时|此外|另外|与此同时)[,，]\s*")
# Where the news came from, a clause opening the sentence before its time phrase (记者昨日从市发改委获悉，去年…;
# 据统计，今年以来…).
_REPORT_LEAD = re.compile(r"(?:(?:记者|笔者)[^,，。;；]{0,24}?(?:获悉|了解到|获|得知|获得)|据(?:统计|了解|悉|介绍|初步统计|测算|调度)"
                          r"|(?:最新)?(?:统计)?数据显示|统计显示)[,，]\s*")
# The place a report is about, standing before its time phrase at the head of a sentence.
_PLACE_HEAD = re.compile(r"(?:据统计[,，]?|据了解[,，]?)?[\u4e00-\u9fff]{0,10}?(?:区|市|县|园|省|镇|州)")
_REPORT_VERB = re.compile(r"(?:全年)?(?:实现|完成|共|累计|新增|新引进|引进|签约|招商)")


_SCENE = re.compile(r"(?:在|于)[^,，;；。]{0,30}(?:中|里|上|期间|过程中|之际)")


def _trailing_asof(scope: _Scope, text: str, pos: int, sent_end: int, figure_starts: list[int]) -> TimeMention | None:
    """截至4月28日 in a later clause with no figure of its own dates the figures before it."""
    i = bisect.bisect_left(scope.starts, pos)
    while i < len(scope.mentions) and scope.mentions[i].start < sent_end:
        mention = scope.mentions[i]
        if mention.kind == "asof":
            c_start = _clause_start(text, mention.start)
            c_end = _clause_end(text, mention.end, sent_end)
            j = bisect.bisect_left(figure_starts, c_start)
            if j >= len(figure_starts) or figure_starts[j] >= c_end:
                return mention
        i += 1
    return None


def _is_window(m: TimeMention) -> bool:
    """近三年, 三年来, 五年累计: a run of years a figure was summed or averaged over. It dates
    its own sentence; it does not become the frame of the sentences after it."""
    return m.window > 0


def _label(m: TimeMention) -> str:
    return m.period.label if m.period is not None else ""
