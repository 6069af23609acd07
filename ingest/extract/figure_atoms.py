"""Which scanned numbers are figures, and in what unit: ranges (5至10万元) and lists whose last
member carries the unit (12、15和18亿元) joined, members of structure ratios and index values
given theirs, units implied by the words before (投资35万 -> 元), amounts per mu or per day."""
from __future__ import annotations

import re

from ingest.extract.clauses import _SENTENCE_END, _clause_start
from ingest.extract.phrases import _SUBJECT_TIME, _cap
from ingest.extract.scan import _Atom, _scan_atoms
from ingest.extract.units import QUALIFIER_OF

_RANGE_SEP = re.compile(r"(?:-|—|–|―|‒|~|～|〜|－|至|到)")
_LIST_SEP = re.compile(r"(?:、|和|与|及|以及|或)")


def _merge_ranges(atoms: list[_Atom], text: str) -> list[_Atom]:
    """5至10年, 5-10万元, 3%-5%: two numbers joined by a range sign become one figure."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms) and not a.magnitude:
            b = atoms[i + 1]
            sep = text[a.end:b.start]
            if (b.start == b.num_start and _RANGE_SEP.fullmatch(sep) and not b.magnitude
                    and (a.unit is None or a.unit == b.unit) and b.unit is not None
                    and (sep != "到" or a.unit is None) and a.qualifier in ("exact",)
                    and not _looks_like_year(a, text)):
                low = a.value
                if a.unit is None and not a.has_factor:
                    low = a.value * b.factor * b.scale
                if low < b.value:
                    out.append(_Atom(a.start, b.end, a.num_start, low, b.unit, "range", a.chinese,
                                     factor=b.factor, has_factor=b.has_factor, value_max=b.value, scale=b.scale))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _looks_like_year(a: _Atom, text: str) -> bool:
    raw = text[a.num_start:a.end]
    return bool(re.fullmatch(r"(?:19|20)\d{2}", raw))


def _inherit_list_units(atoms: list[_Atom], text: str) -> None:
    """12、15和18亿元 / 0.82亿、1.16亿和1.47亿美元: members of a list before the one with
    the unit share its unit (and its multiplier, when they have none of their own)."""
    for i in range(len(atoms) - 2, -1, -1):
        a, b = atoms[i], atoms[i + 1]
        if a.unit is not None or b.unit is None or a.magnitude or b.magnitude:
            continue
        if not _LIST_SEP.fullmatch(text[a.end:b.start]) or _looks_like_year(a, text):
            continue
        if a.chinese != b.chinese or (a.has_factor and not b.has_factor):
            continue
        if not a.has_factor:
            a.value = a.value * b.factor
            a.factor, a.has_factor = b.factor, b.has_factor
        a.value = a.value * b.scale
        a.scale, a.unit = b.scale, b.unit


_INDEX_CUE = re.compile(r"(?:(?:指数|系数|PMI|指标值|评分|得分|分值|综合指数)(?:值)?(?:为|是|达到|达|升至|降至|保持在|:|:)?"
                        r"|(?<![同环占对相无好正反类])比(?:值)?(?:为|是|达到|达|缩小至|缩小到|缩小为|降至|降为|扩大至|扩大到))$")
# The change of an index just given (收入比为2.25，比上年缩小0.07): a bare number after a base and a verb.
_INDEX_CHANGE = re.compile(r"(?:比|较)(?:上年|去年|上年末|年初|上年同期|去年同期)?(?:缩小|扩大|下降|降低|减少|回落|上升|提高|增加|增长|提升)了?$")
_NOT_AN_INDEX_AFTER = re.compile(r"[年月日号:：\d]|\.\d")


def _index_value(a: _Atom, text: str, index_before: bool = False) -> bool:
    """A bare number after 指数为 / 系数 / 收入比为 is an index value with no unit; so is one after
    比上年缩小 when an index value stands just before it in the sentence (``index_before``).
    Never a year or a member of a ratio (9.7:37.1:53.2)."""
    if a.unit is not None or a.chinese or a.has_factor or _looks_like_year(a, text):
        return False
    if _NOT_AN_INDEX_AFTER.match(text, a.end) or (a.start > 0 and text[a.start - 1] in ":："):
        return False
    before = text[max(0, a.start - 8):a.start]
    return bool(_INDEX_CUE.search(before)) or (index_before and bool(_INDEX_CHANGE.search(before)))


# 三次产业结构为7.2∶48.7∶44.1: each member of a structure ratio is a share in per cent.
_RATIO = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d+)?(?:\s*[:：∶]\s*\d{1,3}(?:\.\d+)?){1,3}(?![\d.:：∶])")
_RATIO_CUE = re.compile(r"结构|比例|之比|比重|构成|占比")


def _ratio_spans(text: str) -> list[tuple[int, int, str]]:
    """Structure ratios, with the phrase naming the structure: after a word naming one, or
    after another ratio just before (由2017年的7.2∶48.7∶44.1调整为2018年的7.5∶43.0∶49.5)."""
    spans: list[tuple[int, int, str]] = []
    for m in _RATIO.finditer(text):
        cue = None
        for c in _RATIO_CUE.finditer(text, max(0, m.start() - 20), m.start()):
            cue = c
        if cue is not None:
            name = text[_clause_start(text, cue.start()):cue.end()]
            spans.append((m.start(), m.end(), _SUBJECT_TIME.sub("", name).strip("由从的")))
        elif spans and m.start() - spans[-1][1] <= 20 and _SENTENCE_END.search(text, spans[-1][1], m.start()) is None:
            spans.append((m.start(), m.end(), spans[-1][2]))
    return spans


_ORDINAL_INDUSTRY = ("第一产业", "第二产业", "第三产业")


def _ratio_member(structure: str, index: int, size: int) -> str:
    """三次产业结构, 2nd of 3 -> 第二产业占比; otherwise the structure and the member's place."""
    if "产业" in structure and size == 3:
        return f"{_ORDINAL_INDUSTRY[index]}占比"
    return _cap(f"{structure}第{index + 1}项占比")


_PER_UNIT = {"亩均": "亩", "日均": "日"}
# 亩均税收15万元, 日均通关4.6万人次, 每万人发明专利12件, 每平方公里工业用地产出超过60亿元, 平均每家企业
# 专利拥有量为48件: an amount per unit, written as one unit (CONVENTIONS §2). 每日, 每年 are left
# alone: 每日机械机扫长度达215公里 is 215 公里 in the seed's gold.
_PER_UNIT_BEFORE = re.compile(r"(?:(?P<per>亩均|日均)|每(?P<each>(?:万|千万|百万|百|千|十)?(?:平方公里|平方米|人|家|户|亩|元|吨))"
                              r"|(?<![\d〇零一二两三四五六七八九十百千万亿余多几数])(?P<each2>万人)"  # 万人有效发明专利达474件
                              r"|每(?P<each_people>万|千|百)名)"  # 每万名从业人员拥有发明专利107件: per 10,000 people
                              r"[^,，。;；\d]{0,14}$")

def _per_unit(per: re.Match[str]) -> str:
    """What an amount is per, as one unit part: 亩, 万人 (每万人, 每万名, 万人…), 家 …"""
    if per.group("per"):
        return _PER_UNIT[per.group("per")]
    if per.group("each_people"):
        return f"{per.group('each_people')}人"
    return per.group("each") or per.group("each2")


# 约占全省总数的三成, 近占全部投资的40%: the qualifier stands before 占 but bounds the share.
_SHARE_OF = re.compile(r"(?P<q>大约|约|将近|接近|近|超过|超|逾|不到|不足)占比?(?:[^,，。;；:：\d%]{0,15}的)?"
                       r"(?:比重|比例|份额)?(?:为|是|达到|达)?$")

_VIEW_COUNT = re.compile(r"(?:浏览|阅读|点击|访问|播放|次数|阅读量|浏览量|点击量)[^,，。;；]{0,4}$")


def _figure_atoms(text: str) -> list[_Atom]:
    atoms = _merge_ranges(_scan_atoms(text), text)
    _inherit_list_units(atoms, text)
    ratios = _ratio_spans(text) if "∶" in text or ":" in text or "：" in text else []
    kept: list[_Atom] = []
    for a in atoms:
        ratio = next((r for r in ratios if r[0] <= a.start and a.end <= r[1]), None)
        if a.unit is None and ratio is not None:
            a.unit = "%"
            members = [x for x in atoms if ratio[0] <= x.start and x.end <= ratio[1]]
            a.member = _ratio_member(ratio[2], members.index(a), len(members))
        if a.unit is None:
            index_before = bool(kept) and kept[-1].unit == "" and _SENTENCE_END.search(text, kept[-1].end, a.start) is None
            if _index_value(a, text, index_before):
                a.unit = ""
            elif a.has_factor and not a.chinese:
                a.unit = _implied_unit(text, a.start)
                if a.unit is None:
                    continue
            else:
                continue
        if _VIEW_COUNT.search(text[max(0, a.start - 8):a.start]):
            continue
        per = _PER_UNIT_BEFORE.search(text, _clause_start(text, a.start), a.start)
        if per is not None and a.unit not in ("%", "‰", "成", "倍", "百分点", "") and "/" not in a.unit:
            # 亩均税收15万元, 日均通关4.6万人次: an amount per mu or per day (CONVENTIONS §2)
            a.unit = f"{a.unit}/{_per_unit(per)}"
        if a.unit == "%" and a.qualifier == "exact":
            share = _SHARE_OF.search(text, max(_clause_start(text, a.start), a.start - 80), a.start)
            if share is not None:
                a.qualifier = QUALIFIER_OF[share.group("q")]
        kept.append(a)
    return kept


_MONEY_WORDS = re.compile(r"(?:投资|产值|增加值|收入|营收|税收|资金|生产总值|GDP|总额|销售额|利润|资产|成交额|贷款|存款|融资|出口额|进口额|金额|财政|消费|零售|额)")
_PEOPLE_WORDS = re.compile(r"(?:人口|人才|就业|游客|居民|职工|员工|劳动力)")


def _implied_unit(text: str, start: int) -> str | None:
    """35万 with no unit: 元 after a money word, 人 after a people word; otherwise unknown."""
    clause_start = _clause_start(text, start)
    before = text[clause_start:start]
    if _MONEY_WORDS.search(before):
        return "元"
    if _PEOPLE_WORDS.search(before):
        return "人"
    return None
