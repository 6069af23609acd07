"""Subjects: a short noun phrase naming what a figure measures (企业, 项目总投资,
规上工业增加值增速), and the members of 分别 lists."""
from __future__ import annotations

import re

from ingest.extract.clauses import _ENUMERATION, _clause_start
from ingest.extract.figure_atoms import _LIST_SEP
from ingest.extract.kinds import _CHANGE_VERB
from ingest.extract.phrases import _DISCOURSE_HEAD, _SUBJECT_TIME, SUBJECT_MAX, _cap
from ingest.extract.scan import _Atom
from ingest.extract.units import _UNIT_ALT, CLASSIFIER_UNITS
from ingest.numbers import ARABIC, MULTIPLIER_RUN

_LIST_LEAD = re.compile(r"^(?:、|和|与|及|以及|或|分别为|分别|为)+")

_FILLER = re.compile(r"^(?:其中|同时|另外|此外|而且|并且|以及|共计|共有|共|合计|累计|总计|全年|拥有|实现|完成|达到|达|有|已|为|是|对|在(?![建谈孵册校岗职营库线])|将|新建|新增)+")

_SUBJECT_HEAD = re.compile(
    r"^(?:其中|同时|另外|此外|而且|并且|以及|另有|这些|上述|通过|经过|全年|已经|已有|已|共计|共有|共|合计|累计|总计"
    r"|拥有|实现|完成|达到|达|有|为|是|对|在(?![建谈孵册校岗职营库线])|将|于|力争|争取|确保|力求|努力|计划|预计|预期|拟(?!建项目|签约|入驻|上市)|使)+")
_SUBJECT_TAIL = re.compile(
    r"(?:分别为|分别|达到|达|为|是|约为|约计|约|基本|大体|一直|最高|最低|共计|合计|共|累计|实现|完成|现有|已有|拥有|有|的|近|超过|超|逾|到|至|在|了|突破|均|总计|已"
    r"|预计|预期)+$")
_INNER_VERB = re.compile(r"(?:实现|完成|达到|累计)(?=..)")
# 比上年, 同比, 较年初: the base of a change, said again by the suffix of the subject.
_BASE_PHRASE = re.compile(
    r"同比|环比|(?:比(?![重例率值])|较)[^,，。；;]{1,10}?"
    r"(?=增|减|提|降|下降|下滑|上升|回|扩|缩|加|收|改|多|少|高|低|快|慢|持平)|与[^,，。；;]{1,10}?相比")
_CHANGE_WORDS = re.compile(
    r"(?:高出|多出|低出|少出|增长|增加|下降|减少|提高|降低|回落|上升|提升|扩大|收窄|改善|加快|放缓|增速|增幅|降幅|涨幅|新增|净增|多|少"
    r"|缩短|缩小|压缩|精简|节约|节省|缩减|削减|增收|多收|多挣|幅度"
    r"|分别为|分别|均为|为|达到|达|了|约|近|均|平均|年均|预计|预期)+$")
# Verbs that end the noun after a classifier: 41家企业落户沧州 -> 落户的企业.
_NOUN_END = re.compile(r"集中开工|集中签约|集中竣工|集中投产|落户|入驻|签约|开工|投产|竣工|落地|建成|开业|上市|参与|参加|获得|获评|获批|实现|完成|申报|纳入|通过|成功|实行|实施"
                       r"|达到|带动|提供|分布|位于|覆盖|涉及|在内|的|被|在|于|和|与|及|等|已|将|正|均|共|全部|分别")
_NEXT_FIGURE = re.compile(rf"^(?:{ARABIC})(?:{MULTIPLIER_RUN})?(?:{_UNIT_ALT})")
_ARRIVAL_VERB = frozenset({"集中开工", "集中签约", "集中竣工", "集中投产", "落户", "入驻", "签约", "开工", "投产", "竣工", "落地", "建成", "开业", "上市", "获批", "获评"})
_LIST_VERB = re.compile(r"^(?:聚焦|围绕|涵盖|包括|包含|形成|打造|培育|建设|实施|引进|推进|开展)")
_GENERIC_ATTRIBUTE = frozenset({"总投资", "投资", "投资额", "总额", "占地", "占地面积", "面积", "总数", "总量", "数量", "产值",
                                "年产值", "年纳税", "纳税", "年销售收入", "销售收入", "营业收入", "年产", "产能", "规模"})

_DONE_WORK = re.compile(r"(累计)?完成(投资|投资额|产值|营业收入|销售收入)[^\d]{0,2}$")

_CHANGE_SUFFIX = re.compile(r"(?:同比|环比)?(?:增速|倍数|变化)$")


def _clean_before(before: str) -> str:
    before = _BASE_PHRASE.sub("", _LIST_LEAD.sub("", before))
    before = _DISCOURSE_HEAD.sub("", before)
    before = _ENUMERATION.sub("", before) if _ENUMERATION.match(before) else before
    before = _SUBJECT_TIME.sub("", before)
    if "在内" in before:
        before = before[before.rindex("在内") + 2:]  # 包括49名博士在内的128名人才
    if "等" in before[:-1]:
        before = re.sub(r"^[地处]", "", before[before.rindex("等") + 1:])  # 现代摩比斯、北汽岱摩斯等41家: examples, not the subject
    before = _SUBJECT_HEAD.sub("", before)
    before = _INNER_VERB.sub("", before)
    return _SUBJECT_TAIL.sub("", before).strip(" \t,，、;；:：“”\"'‘’()（）")


def _noun_after(text: str, a: _Atom, clause_end: int) -> tuple[str, str]:
    """The noun a classifier counts (41家国内外知名…企业落户沧州 -> 国内外知名…企业) and the verb that ends it."""
    after = _NEXT_FIGURE.sub("", text[a.end:clause_end])  # 新建3个12000平方米口袋公园
    after = re.split(r"[\d、\t]", after, maxsplit=1)[0].lstrip("的").strip("“”\"'‘’ ")
    m = _NOUN_END.search(after)
    if m is None:
        return after, ""
    return after[:m.start()], m.group()


def _subject(text: str, a: _Atom, clause_start: int, clause_end: int, previous: str, kind: str) -> str:
    """A short noun phrase naming what the figure measures (企业, 总投资, 规上工业增加值增速)."""
    raw = _LIST_LEAD.sub("", text[clause_start:a.start])
    if kind == "share" and text.startswith("的", a.end) and not raw.strip():
        noun, verb = _noun_after(text, a, clause_end)
        if noun:  # 30%的企业实现盈利 -> 实现盈利的企业
            return _share_of_noun(text, a, clause_end, noun, verb)
    if not raw.strip() and previous and kind != "change":
        return previous  # 分别为10.2亿元、11.5亿元: the list shares its subject
    before = _clean_before(raw)
    if kind == "change" or (kind == "target" and _CHANGE_VERB.search(raw)):  # 力争增长7%: a goal for a rate
        return _change_subject(text, a, raw, before, previous, clause_start)
    if kind == "share" and before.startswith("占") and previous:
        share = before.replace("的", "")
        return _cap(f"{previous}{share}{'' if share.endswith(('比重', '比例')) else '比重'}")
    noun, verb = _noun_after(text, a, clause_end)
    if kind == "share" and text.startswith("的", a.end) and noun:
        return _share_of_noun(text, a, clause_end, noun, verb)
    if noun and (a.unit in CLASSIFIER_UNITS or not before):
        return _counted_noun(text, a, clause_end, raw, before, noun, verb)
    done = _DONE_WORK.search(raw)
    if before in _GENERIC_ATTRIBUTE and done is not None and done.group(2) == before:
        return _cap(done.group())  # 年度计划投资…，1-6月累计完成投资362.32亿元: the work done, not the plan's
    if before in _GENERIC_ATTRIBUTE and previous and previous != before:
        return _cap(f"{previous}{before}")  # 项目43个，总投资412亿元 -> 项目总投资
    if not before and not previous:
        # 累计完成1892件: nothing but verbs before the figure; the clause before names the work
        lead = text[_clause_start(text, clause_start - 1):max(clause_start - 1, 0)] if clause_start else ""
        return _cap(_clean_before(lead))
    return _cap(before or previous)


def _share_of_noun(text: str, a: _Atom, clause_end: int, noun: str, verb: str) -> str:
    """30%的企业实现盈利 -> 实现盈利的企业: the share is of the noun after it, with what it does."""
    rest = text[a.end + 1 + len(noun):clause_end]
    return _cap(f"{rest}的{noun}" if verb and len(rest) <= 8 else noun)


def _counted_noun(text: str, a: _Atom, clause_end: int, raw: str, before: str, noun: str, verb: str) -> str:
    """The noun a classifier counts, with the verb that ends it when that says which ones
    (7家企业纳入正面清单 -> 纳入正面清单的企业, 41家企业落户 -> 落户的企业)."""
    if verb and verb not in ("的", "在内") and len(noun) <= 4:
        # 7家企业纳入正面清单 -> 纳入正面清单的企业
        tail = text[a.end + len(text[a.end:clause_end]) - len(text[a.end:clause_end].lstrip()):clause_end]
        rest = tail[tail.find(verb):] if verb in tail else ""
        if rest and rest.endswith(noun):
            return _cap(rest)  # 11家企业成功申报专精特新企业
        if rest and len(rest) + 1 + len(noun) <= SUBJECT_MAX:
            return _cap(f"{rest}的{noun}")
    if verb in _ARRIVAL_VERB:
        return _cap(f"{verb}的{noun}")
    if "、" in raw or not before:
        lead = _LIST_VERB.match(before) if "、" in raw else None
        return _cap(f"{lead.group()}{noun}" if lead else noun)
    if len(before) <= 4 and not before.endswith(noun[-1:]):
        return _cap(f"{before}{noun}")
    return _cap(noun)


def _change_subject(text: str, a: _Atom, raw: str, before: str, previous: str, clause_start: int) -> str:
    """比上年增长6.6% after 生产总值3676.4亿元 -> 生产总值增速; 比年初增加1026家 -> …比年初变化."""
    base = _BASE_PHRASE.search(raw)
    noun = _CHANGE_WORDS.sub("", before).strip(" ,，、")
    years = re.fullmatch(r"[两二三四五十]年", noun)
    if years and previous:
        noun = f"{previous}{noun}平均"  # 两年平均增长9.6%
    elif len(noun) < 2:
        noun = previous
    if a.unit in ("%", "‰"):
        prefix = "同比" if "同比" in raw else "环比" if "环比" in raw else ""
        suffix = f"{prefix}增速"
    elif a.unit == "倍":
        suffix = "倍数"
    else:
        said = base.group() if base and base.group() not in ("同比", "环比") else ""
        suffix = f"{said}变化"
    return _cap(f"{noun}{suffix}") if noun else suffix


def _respectively_groups(text: str, s0: int, s1: int, atoms: list[_Atom]) -> dict[int, tuple[int, int, int, str]]:
    """分别 lists: atom index -> (position of 分别, first index, size, subject from the list before 分别)."""
    groups: dict[int, tuple[int, int, int, str]] = {}
    pos = text.find("分别", s0, s1)
    while pos >= 0:
        members = [i for i, a in enumerate(atoms) if a.start > pos]
        run: list[int] = []
        for i in members:
            if run and not _LIST_SEP.fullmatch(text[atoms[run[-1]].end:atoms[i].start]) \
                    and text[atoms[run[-1]].end:atoms[i].start] not in (",", "，"):
                break
            run.append(i)
        subjects = _list_subjects(text, s0, pos, len(run))
        for k, i in enumerate(run):
            groups[i] = (pos, run[0], len(run), subjects[k] if subjects else "")
        pos = text.find("分别", pos + 2, s1)
    return groups


def _list_subjects(text: str, s0: int, pos: int, n: int) -> list[str] | None:
    if n < 2:
        return None
    clause = text[_clause_start(text, pos, s0):pos]
    items = [x for x in re.split(r"、|和|与|及|以及", clause) if x]
    if len(items) != n:
        return None
    return [_FILLER.sub("", x).strip() for x in items]
