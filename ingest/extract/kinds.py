"""Kinds: whether a figure is a change (and which way), a share or a level, from the words
right before it; targets are decided by the cues in ingest.extract.targets."""
from __future__ import annotations

import re

from ingest.extract.clauses import _clause_start
from ingest.extract.figure_atoms import _LIST_SEP
from ingest.extract.scan import _Atom

# 增收, 多收, 多挣: income gained over a base (户均增收3000元, 每亩多收1500元) is a change.
# 缩短, 压缩, 缩减, 削减 a time or an amount by so much is a change down (缩短了20个小时);
# 缩短至 / 压缩到 name the level reached and never end the words before the figure.
_CHANGE_VERB = re.compile(
    r"(?:(?P<up>(?<!负)增长|增加收入|增加|上升|提高|提升|攀升|上涨|扩大|高出|多出|(?<![新净])增收|多收|多挣|增产|(?<![新净])增|涨|(?<![晋])升"
    r"|(?<![最较更])(?:高|快)|多)"
    r"|(?P<down>负增长|下降|减少|降低|下滑|回落|收窄|缩小|改善|低出|少出|缩短|压缩|缩减|削减|减收|少收|减产|减|降|跌|(?<![最较更])(?:低|慢)|少))"
    r"了?(?:分别为|分别|均为|均|平均|约|近|超过|超|逾)?$"
)
# Cuts that are changes only as a part of the whole (申报材料精简35%, 节约成本12%): 节约资金300万元
# is the amount saved, a level.
_CUT_SHARE_VERB = re.compile(r"(?:精简|节约|节省|节能|降本)了?(?:平均|分别|均|约|近|超过|超|逾)?$")
# The verb with its object before a percent (降低物流成本12%, 提高生产效率20%, 节约用电14%):
# the object is a short noun, not a rate or a share (提高到, 节约用地率达15%).
_VERB_OBJECT_PERCENT = re.compile(
    r"(?:(?P<up>提高|提升|增加|增长)|(?P<down>降低|减少|缩短|压缩|精简|节约|节省|削减|缩减))(?!值|点|极)"
    r"[^\d\s,，。;；:：、“”()（）比重为达占的是了和与及到至在等从由]{1,6}(?:平均|约|近|超过|超|逾)?$")
_RATE_WORD = re.compile(
    r"(?:(?P<up>增速|增幅|涨幅|(?<!自然)增长率|增长速度|(?:增长|提高|提升|增加|上升)幅度|增长了|(?:年均|平均)增长)"
    r"|(?P<down>降幅|下降率|(?:下降|降低|减少|缩短|压缩|精简|节约|节省|缩减|削减)幅度|降低率))"
    # 增幅2-5月份分别为14.2%、13%…: the months the rates are of may stand between
    r"(?:\d{1,2}(?:[-—–―~至]\d{1,2})?月份?|[一二三四1-4]季度|上半年|前三季度)?"
    r"(?:分别|均)?(?:更是|也|预计|预计将|基本|大体|一直|稳定|维持|最高|最低)?(?:为|是|达到|达|保持在|保持|在|实现|高达)?了?(?:约|近|超过|超)?$"
)
# 增长达到12.2%, 同比增长达58.8%: the verb of a change, then the level it reached (not 高达, a share's word).
_CHANGE_REACHING = re.compile(
    r"(?:(?P<up>增长|上升|提高|提升|增加|上涨)|(?P<down>下降|减少|降低|下滑|减产))了?(?:均|分别)?(?:达到|达)了?(?:约|近|超过|超)?$")
# The gap to an average (高于全省平均分5.8分, 低于全市平均水平1.2个百分点, 比全省平均高出300元):
# a difference from a base, whatever the unit.
_GAP_TO_AVERAGE = re.compile(
    r"(?:(?P<up>高于|超过|超出|快于|多于|高出)|(?P<down>低于|慢于|少于|低出))[^,，。;；\d]{0,12}?(?:平均|均值)(?:水平|值|分|数|线)?"
    r"了?(?:约|近)?$"
    r"|(?:比|较)[^,，。;；\d]{0,12}?(?:平均|均值)(?:水平|值|分|数|线)?"
    r"(?:(?P<up2>高出|多出|高了|多了|高|多|快)|(?P<down2>低出|低了|少了|低|少|慢))(?:约|近)?$")
# The growth rate reached after it moved (降幅收窄至1.9%, 增幅回落至5%, 增速提高到8.2%): a change at
# that rate, not a share; the direction is the rate's own (降幅 down, 增幅 and 增速 up).
_RATE_REACHED = re.compile(
    r"(?:(?P<up>增速|增幅|涨幅|增长率|增长速度)|(?P<down>降幅|跌幅|下降幅度|减幅))"
    r"(?:比[^,，。;；\d]{1,8}?)?"
    r"(?:收窄|扩大|回落|回升|提高|提升|加快|放缓|减缓|下降|下滑|上升|降低|回调|收缩|增加|减少|缩小|由负转正)了?"
    r"(?:至|到|为)(?:约|近|超过|超)?$")

# The part of a set of units that grew, fell or lost money (增长面, 亏损面): a share, not a rate of change.
_SPREAD = re.compile(r"(?:增长面|下降面|亏损面|盈利面)(?:达到了?|达|为|是|在)?$")

_ASIDE_AT_END = re.compile(r"[(（][^()（）]{0,8}[)）]$")

# 比上年新增130家 is a change; 新增企业5家 on its own is a level (the year's count).
_COMPARED_NEW = re.compile(r"(?:(?:比|较)[^,，。;；]{1,5}?(?:新增|净增|多)|(?<![新])净(?:增加|增)了?)$")
# 全年净增高新技术企业252家: a net increase with the thing counted between, a change too
_NET_GAIN_OF = re.compile(r"净(?:增加|增)了?[^,，。;；:：\d]{1,12}$")

_DIRECTION_WORD = re.compile(r"(?P<down>下降|减少|降低|回落|收窄|低于|慢于|降|减|低|慢)|(?P<up>增长|提高|提升|上升|高于|快于|扩大|增|高|快)")


# 是全省均值的, 相当于全国平均水平的: a multiple of something other than an earlier time (是2015年的,
# 是上年的 name a base in time: a change).
_ENTITY_MULTIPLE = re.compile(r"(?:是|相当于|为)(?![^,，。;；]*(?:\d|上年|去年|同期|年初|前|当年|上一年|成立|建区|之初|过去|以往|原来))"
                              r"[^,，。;；]{1,16}?的(?:约|近)?$")


def _change(text: str, a: _Atom, floor: int) -> str | None:
    """'up' or 'down' when the words right before the figure make it a change."""
    # web copies put a space between the verb and the number (工业投资增长 59.8%)
    before = text[max(floor, a.start - 14):a.start].rstrip(" \u00a0\u3000")
    # 同比增长(下同) 15%: an aside in brackets between the verb and the number
    before = _ASIDE_AT_END.sub("", before).rstrip(" \u00a0\u3000")
    gap = _GAP_TO_AVERAGE.search(text, max(floor, a.start - 24), a.start)
    if gap is not None:
        return "down" if gap.group("down") or gap.group("down2") else "up"
    reached = _RATE_REACHED.search(text, max(floor, a.start - 12), a.start)
    if reached is not None:
        # 降幅收窄至1.9%, 增速回落至-2.1%: the rate reached; a falling rate names a fall
        down = reached.group("down") is not None
        return "down" if down or a.negative else "up"
    if a.negative:
        return "down" if (_CHANGE_VERB.search(before) or _RATE_WORD.search(before)) else None
    if _COMPARED_NEW.search(before) or _NET_GAIN_OF.search(before):
        return "up"
    m = _RATE_WORD.search(before) or _CHANGE_REACHING.search(before)
    if m:
        return "down" if m.group("down") else "up"
    m = _CHANGE_VERB.search(before)
    if m:
        return "down" if m.group("down") else "up"
    if a.unit == "%" and _CUT_SHARE_VERB.search(before):
        return "down"
    if a.unit == "%":
        m = _VERB_OBJECT_PERCENT.search(text, max(floor, a.start - 12), a.start)
        if m:
            return "down" if m.group("down") else "up"
    return None


def _direction_in(text: str) -> str:
    last = None
    for m in _DIRECTION_WORD.finditer(text):
        last = "down" if m.group("down") else "up"
    return last or "up"


def _kind(text: str, a: _Atom, s0: int, prev: _Atom | None, prev_kind: tuple[str, str | None] | None,
          target: bool = False) -> tuple[str, str | None]:
    clause_floor = _clause_start(text, a.start, s0)
    if target:
        return "target", None
    if a.unit == "%" and _CONTRIBUTION_SHARE.search(text, clause_floor, a.start):
        return "share", None  # 对全市规上工业增长贡献率超过30%: a part of the whole growth
    if a.unit == "%" and _SPREAD.search(text, clause_floor, a.start):
        return "share", None  # 28个行业增加值实现增长，增长面近7成: the part of the industries that grew
    direction = _change(text, a, clause_floor)
    if a.unit == "倍" and direction is None and (
            _ENTITY_MULTIPLE.search(text, clause_floor, a.start) is not None
            or (prev is not None and prev.unit == "倍" and prev_kind == ("level", None) and _LIST_SEP.fullmatch(text[prev.end:a.start]))):
        # 亩均税收是全省均值的2.53倍, 是全国平均水平的11.1倍、12.9倍和13.9倍: a ratio to another
        # place or group (each member of a list of them), not a change
        return "level", None
    if a.unit in ("百分点", "倍", "基点"):
        # 提高1.9个百分点, 高于全省2个百分点; 增长1.3倍, 是上年的1.8倍: differences and ratios to a base
        return "change", direction or _direction_in(text[clause_floor:a.start])
    if direction is not None:
        return "change", direction
    if a.unit == "%" and _FASTEST_BEFORE.search(text, max(0, clause_floor - 12), clause_floor) \
            and _REACHED.fullmatch(text, clause_floor, a.start):
        return "change", "up"  # 其中航空航天领域增长最快，达61.1%
    after = _CHANGE_AFTER.match(text, a.end)
    if after is not None and a.unit == "%":
        return "change", "down" if after.group("down") else "up"  # 预计全年可实现2%左右增长
    if _EXCEEDS_BASE.search(text, max(clause_floor, a.start - 10), a.start) is not None:
        return "change", "up"  # 入场企业230家，超过上届70余家: more than the edition before by so many
    gap = _GAP_TO_OTHER.search(text, clause_floor, a.start)
    if gap is not None and a.unit not in ("%", "‰"):
        return "change", "down" if gap.group("down") else "up"  # 分别高于奉化、宁海1.13亿美元和0.03亿美元
    if prev is not None and prev_kind is not None and prev_kind[0] == "change" \
            and _LIST_SEP.fullmatch(text[prev.end:a.start]) \
            and (prev.unit == a.unit or {prev.unit, a.unit} == {"倍", "%"}):  # (分别增长3.9倍、2.3倍和10.9%)
        return prev_kind
    if a.unit == "%" and _rate_in_parentheses(text, a, s0):
        return "change", "down" if a.negative else "up"
    if a.unit == "‰" or (a.unit == "%" and _RATE_LEVEL.search(text, clause_floor, a.start)):
        # 出生率9.8‰, 贷款利率4.65%: rates of their own, not parts of a whole
        return "level", None
    if a.unit == "%" and _COPULA_CLAUSE.fullmatch(text, clause_floor, a.start) and clause_floor > s0:
        # 名义增长率低于全市平均水平，为10.3%; 名义增速均在40%之上，分别为41.0%和57.8%: the clause
        # only gives the value of the rate the clause before named
        last = _last_rate_or_share(text, s0, clause_floor)
        if last is not None and last.group("rate") is not None:
            return "change", "down" if last.group() in ("降幅", "下降", "回落") or a.negative else "up"
    if a.unit == "%":
        return "share", None
    return "level", None


_COPULA_CLAUSE = re.compile(r"\s*(?:分别|均|仍|则)?(?:为|是|达到|达)\s*")


# What a sentence is about before a bare per cent: growth rates or parts of a whole.
_RATE_OR_SHARE = re.compile(r"(?P<rate>增长率|增长速度|增速|增幅|涨幅|降幅|增长|下降|回升|回落)|(?P<share>比重|占比|占|份额|贡献率|率)")


def _rate_in_parentheses(text: str, a: _Atom, s0: int) -> bool:
    """高于平均增幅的行业有6个，分别为：医药医疗器械(28.9%)、…; 增速比全省投资(4.3%)高出4.0个百分点:
    a per cent in brackets after a name, in a sentence about growth rates, is that name's rate."""
    if text[a.start - 1:a.start] not in ("(", "（") or text[a.end:a.end + 1] not in (")", "）"):
        return False
    last = _last_rate_or_share(text, s0, a.start)
    return last is not None and last.group("rate") is not None


def _last_rate_or_share(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """The last word in [lo, hi) saying whether a sentence is about growth rates or parts of a whole."""
    last = None
    for m in _RATE_OR_SHARE.finditer(text, lo, hi):
        last = m
    return last


_FASTEST_BEFORE = re.compile(r"(?:增长|增速|增幅)(?:最快|最高|最大)[,，]\s*$")
_REACHED = re.compile(r"(?:达到|达|为)")
# A rate named by the word after it (实现2%左右增长, 3%的降幅).
# (15%以上的快速增长, 30%左右的增速, 26%的年均增速)
# (分别实现 14.2%、5.2%、157.3% 的同比增长: each member of a list the word closes)
_CHANGE_AFTER = re.compile(r"(?:\s*[、和及与]\s*\d+(?:\.\d+)?\s*%)*\s?的?(?:同比|环比)?(?:年均|平均|快速|高速|较快|稳定|强劲)?(?:速度)?"
                           r"(?:(?P<up>正增长|增长|增幅|涨幅|增速)|(?P<down>负增长|下降|降幅|跌幅))")
# The difference from another place or thing named between the verb and the amount (高于奉化1.13亿美元;
# 低于5% with nothing between is a bound, the qualifier less_than).
_GAP_TO_OTHER = re.compile(r"(?:(?P<up>高于|多于|高出|超越|领先)|(?P<down>低于|少于|低出))[^,，。;；\d%的有为是]{1,12}?(?:分别)?$")
_EXCEEDS_BASE = re.compile(r"(?:超过|超出|多于)(?:上届|上一届|上年|去年|上月|上季度|上期)(?:同期)?$")
_CONTRIBUTION_SHARE = re.compile(r"贡献率(?:分别为|分别|为|是|达到|达|超过|超|近|约)*$")
_RATE_LEVEL = re.compile(r"(?:利率|利息率|收益率|贴现率|汇率|出生率|死亡率|自然增长率|税率|费率)"
                         r"(?:分别为|分别|平均为|平均|为|是|达到|达|保持在|降至|降到|在|约|仅)*$")


def _why_kind(text: str, a: _Atom, s0: int, kind: str, cue: tuple[str, int] | None) -> str:
    """The words that decided a figure's kind, for zone extract --explain."""
    clause = _clause_start(text, a.start, s0)
    before = text[max(clause, a.start - 8):a.start]
    if kind == "target":
        return f"target: cue {cue[0]}" if cue is not None else "target"
    if kind == "change":
        if a.unit in ("百分点", "倍", "基点"):
            return f"change: unit {a.unit}"
        return f"change: {before.strip()}" if before.strip() else "change: list of changes"
    if kind == "share":
        return "share: per cent of a whole" + (f" ({before.strip()})" if before.strip() else "")
    return "level: an amount (no change, share or goal words)"
