"""Numbers that are no figures: numerals inside words, ranks, set phrases, slogans, clock
times, stretches of time that date figures rather than measure something."""
from __future__ import annotations

import re

from ingest.extract.units import CHINESE_NUMERAL_UNITS

_BEFORE_ARABIC_BAD = re.compile(r"[A-Za-z_.#/@第×*]$")
# A letter glued before a number makes a code (A320, G20, PM2.5) unless the letters are an
# indicator's name written without a space (GDP307.3亿元, CPI102.1).
_INDICATOR_ACRONYM = re.compile(r"(?<![A-Za-z])(?:GDP|GNP|GRP|CPI|PPI|PMI)$")
# A storage plant's power and energy written as a pair (100MW/200MWh): the second is a figure too.
_POWER_PAIR = re.compile(r"(?:[kMG]W|[kMG]Wh|千瓦|兆瓦|吉瓦)/$")


def _code_before(text: str, num_start: int) -> bool:
    """Whether the number at num_start is part of a code by what is glued before it."""
    return _BEFORE_ARABIC_BAD.search(text, max(0, num_start - 1), num_start) is not None \
        and _INDICATOR_ACRONYM.search(text, max(0, num_start - 4), num_start) is None \
        and _POWER_PAIR.search(text, max(0, num_start - 5), num_start) is None
_BEFORE_CHINESE_BAD = re.compile(r"(?:第|几|数|若|每|周|星|初|礼|老|之|分)$")
_AFTER_ARABIC_BAD = re.compile(r"^[A-Za-z]")


def _chinese_numeral_ok(raw: str, before: str) -> bool:
    """Chinese numerals are figures only as plain counts: not 一 alone (一个, 一期),
    not bare multipliers (百强, 万岁), not after 第/几/数 or inside a word."""
    if raw == "一" or raw[0] in "零〇":
        return False
    if all(ch in "百千万亿" for ch in raw):
        return False
    if before and _BEFORE_CHINESE_BAD.search(before):
        return False
    if before and before[-1] in "“‘\"'「":
        return False  # “四个意识”, “一主厅四分支”: a slogan in quotes, not a count
    return True


# 前10名 is a rank; 当前、目前、此前 end in 前 but are time words.
_RANK_BEFORE = re.compile(r"(?:(?<![当目此之提以先空眼])前|居|列|排)$")
# Moves in a ranking (前移3位, 上升2位, 后退5位, 进位4名).
_RANK_MOVE = re.compile(r"(?:前移|后移|上移|下移|前进|后退|退后|上升|下降|提升|提高|攀升|跃升|下滑|回落|晋升|进位|退位|前提|后撤)了?$")
# Political set phrases built from a numeral and 个 (两个维护, 四个意识): names, not counts.
_SET_PHRASE = re.compile(r"[一二两三四五六七八九十]+个(?:意识|自信|维护|确立|全面|代表|一百年|务必|统筹|坚持|必须|有利于|没有变)")

# Months counted as a time phrase (前4个月, 近3个月, 连续6个月, 3个月来) rather than a duration measured.
_MONTHS_AS_TIME_BEFORE = re.compile(r"(?:前|近|后|头|首|每|这|那|过去|未来|最近|连续|上|下|今后)$")
_MONTHS_AS_TIME_AFTER = re.compile(r"(?:以来|来|里|之内|期间|中|后|间|的?时间)")


def _not_a_figure(m: re.Match[str], text: str, raw: str, chinese: bool, unit: str | None, start: int, end: int) -> bool:
    """A number with its unit that is no figure: a Chinese numeral with a unit it never counts,
    a set phrase, a slogan, a rank, a clock time or a stretch of time that dates figures."""
    if unit is not None and chinese and unit.split("/")[0] not in CHINESE_NUMERAL_UNITS:
        return True
    if chinese and _SET_PHRASE.match(text, m.start("num")):
        return True
    if unit in ("小时", "天") and _is_slogan_duration(text, end):
        return True
    if unit == "次" and chinese and not _counted_times(raw, text, start, end):
        return True
    if unit in ("位", "名") and _RANK_BEFORE.search(text, max(0, start - 2), start):
        return True  # 居全省前三位, 进入全国前10名: a rank, not a count
    if unit in ("位", "名") and _RANK_MOVE.search(text, max(0, start - 6), start):
        return True  # 较上年前移3位, 排名上升2位: a move in a ranking, not a count
    if unit == "个" and text.startswith(("位次", "名次"), end):
        return True  # 提升4个位次
    if unit == "月" and (_MONTHS_AS_TIME_BEFORE.search(text, max(0, start - 4), start)
                        or _MONTHS_AS_TIME_AFTER.match(text, end)):
        return True  # 前4个月, 近3个月以来: a stretch of time that dates figures, not a measure
    if unit == "分" and start > 0 and text[start - 1] in "时点:：":
        return True  # 9时30分: a clock time
    if unit in ("条", "项") and text.startswith(("”", "\"", "》"), end) and _POLICY_NAME_BEFORE.search(text, max(0, start - 18), start):
        return True  # “人才新政20条”, 《稳经济30条》: the name of a package of measures
    if unit == "元" and chinese and _MATERIAL_AFTER.match(text, end):
        return True  # 三元前驱体, 四元正极材料: the number of elements in a battery material, not money
    return False


# A quoted name of policy measures ending in its count (人才新政20条, 惠企“十条”, 稳增长30条).
_POLICY_NAME_BEFORE = re.compile(r"[“\"《][^”\"》,，。;；]{0,16}$")
_MATERIAL_AFTER = re.compile(r"(?:前驱体|正极|负极|材料|锂|电池|催化|聚合|共聚)")


def _counted_times(raw: str, text: str, start: int, end: int) -> bool:
    """召开三次协调会, 开展五次督导: a count of times. Not 一次性, 二次创业, 三次产业, 一次能源,
    十届二次全会, 首次, 多次 (the words only look numeric)."""
    if raw in ("一", "二", "两") and not text.startswith(("会", "专题", "集中", "调度"), end):
        return False
    if _TIMES_NOT_AFTER.match(text, end) or _TIMES_NOT_BEFORE.search(text, max(0, start - 6), start):
        return False
    return True


_TIMES_NOT_AFTER = re.compile(r"性|产业|能源|创业|全会|会议精神|党代会|代表大会|元|方程|函数|开发|分配|污染|供水|加压|结构|握手")
_TIMES_NOT_BEFORE = re.compile(r"[届第首再多屡依层档每]$|届[^\d,，。;；、]{0,4}$")  # 二届人大三次会议


def _is_slogan_duration(text: str, end: int) -> bool:
    """24小时不打烊, 365天无休, 全年365天在线: a promise of round-the-clock service, not a
    duration measured (审批时限压缩至24小时 is one)."""
    return _ROUND_THE_CLOCK_AFTER.match(text, end) is not None


_ROUND_THE_CLOCK_AFTER = re.compile(r"(?:全天候|不间断|不打烊|无休|在线|营业|值守|服务|响应|运转|开放|畅通|监控|不停|随时|“?全天)")
