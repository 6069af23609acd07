"""Scanning: every number in a block with what is glued to it (qualifiers, 余/多, multipliers,
units), round amounts written as multipliers alone (近千人, 上亿元), halves (近一半) and size
classes (千亿元级)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ingest.extract.clauses import _clause_start
from ingest.extract.nonfigures import _AFTER_ARABIC_BAD, _chinese_numeral_ok, _code_before, _not_a_figure
from ingest.extract.units import _PER, _POST, _PRE, _UNIT_ALT, CLASSIFIER_UNITS, NOT_A_CLASSIFIER_BEFORE, QUALIFIER_OF, UNITS
from ingest.numbers import ARABIC, CHINESE, MULTIPLIER_RUN, multiplier, parse_arabic, parse_chinese
from ingest.patterns import guarded

# guarded: most positions of a paragraph cannot start a number; one class test rejects them.
_ATOM = guarded(re.compile(
    # web copies typeset a space around the number (超 10 亿元, 3000 余个, 投资6 亿元, 13 家企业)
    rf"(?:(?P<pre>{_PRE})[ \u00a0\u2009\u202f]?)?"
    rf"(?:(?P<pct>百分之)(?P<pctnum>{ARABIC}|{CHINESE})"
    rf"|(?P<num>{ARABIC}|{CHINESE})(?:[ \u00a0\u2009\u202f](?=余|多))?(?P<more>余|多)?"
    rf"(?:[ \u00a0\u2009\u202f](?=[十百千万亿]|{_UNIT_ALT}))?"
    # (12万多亿元, 3千余亿元: a run of multipliers broken by 多 or 余)
    rf"(?:(?P<mult>{MULTIPLIER_RUN})(?P<more2>余|多)?(?P<multb>(?<=[余多])[万亿]{{1,2}})?(?P<unit>{_UNIT_ALT})(?P<per>/(?:{_PER}))?"
    rf"|(?P<unit2>{_UNIT_ALT})(?P<per2>/(?:{_PER}))?"
    rf"|(?P<mult2>{MULTIPLIER_RUN})(?P<more3>余|多)?(?P<multb2>(?<=[余多])[万亿]{{1,2}})?)?)"
    rf"(?P<post>{_POST})?"
))
# 千亿元级, 百亿级: the size class of something being built.
_MAGNITUDE = re.compile(r"(?<![\d零〇一二两三四五六七八九十百千万亿.])(?P<run>[十百千万]?[百千万亿]+)(?P<unit>元|美元)?级")

# A minus sign is a sign (增长-3.2%) only after a verb or 为; elsewhere it joins a range (6%-8%).
# (…增幅分别为-33.82%、-15.75%: a signed rate further along a list of rates keeps its sign)
_SIGN_CONTEXT = re.compile(r"(?:增长|增速|下降|增幅|降幅|变化|为|是|:|：|(?:回落|下滑|下降|收窄|放缓|回升|提高|扩大|降)(?:至|到)"
                           r"|%\s?(?:、|,|，|和|及)|[(（]|(?:末|底|初|期|年|月)的)$")


@dataclass
class _Atom:
    """A number with what is glued to it, in block-text offsets."""

    start: int
    end: int
    num_start: int
    value: Decimal
    unit: str | None
    qualifier: str
    chinese: bool
    factor: Decimal = Decimal(1)
    has_factor: bool = False
    value_max: Decimal | None = None
    magnitude: bool = False
    scale: Decimal = Decimal(1)      # 成 -> 10 (三成 = 30%)
    negative: bool = False           # 增长-3.2%: a minus sign before the number
    member: str = ""                 # the member of a structure ratio it stands for (第二产业占比)


def _unit_of(m: re.Match[str], text: str) -> tuple[str | None, int]:
    """The canonical unit glued to the number and where it ends; (None, end) when a
    one-character classifier turns out to start a word (3个人 -> 个人)."""
    surface = m.group("unit") or m.group("unit2")
    per = m.group("per") or m.group("per2")
    if not surface:
        return None, m.end()
    unit_end = (m.end("unit") if m.group("unit") else m.end("unit2"))
    nxt = text[unit_end:unit_end + 1]
    counted = bool(m.group("more") or m.group("more2"))
    if len(surface) == 1 and nxt and nxt in NOT_A_CLASSIFIER_BEFORE.get(surface, "") and not counted \
            and not _EMPLOYER_AFTER.match(text, unit_end):  # (近120家用人单位: 家 counts the employers)
        # 三十余家电缆企业: after 余/多 the character can only be a classifier, not 家电
        return None, unit_end
    unit = UNITS[surface]
    if per:
        unit = f"{unit}{per}"
    return unit, m.end()


def _number_value(m: re.Match[str]) -> tuple[Decimal | None, bool]:
    raw = m.group("num")
    if raw is None:
        return None, False
    if raw[0].isdigit():
        return parse_arabic(raw), False
    return parse_chinese(raw), True


def _qualifier(m: re.Match[str]) -> str:
    pre, post = m.group("pre"), m.group("post")
    if pre:
        return QUALIFIER_OF[pre]
    if m.group("more") or m.group("more2") or m.group("more3"):
        return "more_than"
    if post:
        return QUALIFIER_OF[post]
    return "exact"


def _scan_atoms(text: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    for m in _ATOM.finditer(text):
        atom = _atom_from_match(m, text)
        if atom is not None:
            atoms.append(atom)
    for m in _HALF.finditer(text):
        if m.group("pre") or m.group("post"):
            qualifier = QUALIFIER_OF[m.group("pre") or m.group("post")]
        else:
            share = _HALF_OF.search(text, _clause_start(text, m.start()), m.start())
            if share is None:
                continue
            qualifier = QUALIFIER_OF.get(share.group("q") or share.group("verb") or "", "exact")
        atoms.append(_Atom(m.start(), m.end(), m.start(), Decimal(50), "%", qualifier, True))
    for m in _FRACTION.finditer(text):
        den, num = _DIGIT[m.group("den")], _DIGIT[m.group("num")]
        if num >= den:
            continue
        qualifier = QUALIFIER_OF[m.group("pre") or m.group("post")] if (m.group("pre") or m.group("post")) else "exact"
        atoms.append(_Atom(m.start(), m.end(), m.start(), _percent_of(num, den), "%", qualifier, True))
    for m in _SLASH_FRACTION.finditer(text):
        g = "" if m.group("frac") else "2"
        num, den = int(m.group("num" + g)), int(m.group("den" + g))
        if 0 < num < den:
            start = m.start("frac" + g)
            pre = _FRACTION_PRE.search(text, max(0, start - 2), start)   # 超过1/2, 近2/3
            verb = m.group("verb") if not g else None
            qualifier = QUALIFIER_OF[pre.group()] if pre else QUALIFIER_OF[verb] if verb in ("超过", "接近") else "exact"
            atoms.append(_Atom(pre.start() if pre else start, m.end("frac" + g), start, _percent_of(num, den), "%",
                               qualifier, False))
    for m in _MAGNITUDE.finditer(text):
        atoms.append(_Atom(m.start(), m.end(), m.start(), multiplier(m.group("run")), m.group("unit") or "元",
                           "order_of_magnitude", True, magnitude=True))
    atoms.sort(key=lambda a: a.start)
    _share_list_qualifier(atoms, text)
    return atoms


# A 分别 list whose first member carries the bound (分别不少于1家、1家和7家) or whose last one does
# (分别增长6%、8%以上): the bound is the whole list's.
_RESPECTIVELY_BOUND = re.compile(r"分别(?:为|是|达到|达|增长|增加|提高|下降)?$")
_MEMBER_SEP = re.compile(r"\s*(?:、|和|及|与|以及|,|，)\s*")


def _share_list_qualifier(atoms: list[_Atom], text: str) -> None:
    i = 0
    while i < len(atoms):
        j = i
        while j + 1 < len(atoms) and _MEMBER_SEP.fullmatch(text, atoms[j].end, atoms[j + 1].start) \
                and atoms[j + 1].unit == atoms[i].unit:
            j += 1
        first = atoms[i]
        if j > i and _RESPECTIVELY_BOUND.search(text, max(0, first.start - 6), first.start):
            members = atoms[i:j + 1]
            bounds = {a.qualifier for a in members if a.qualifier != "exact"}
            if len(bounds) == 1 and (members[0].qualifier != "exact" or members[-1].qualifier != "exact"):
                bound = bounds.pop()
                for a in members:
                    if a.qualifier == "exact":
                        a.qualifier = bound
        i = j + 1


_POINTS_LATER = re.compile(r"(?:\s*[、和及与]\s*\d+(?:\.\d+)?个)*\s*[、和及与]\s*\d+(?:\.\d+)?个百分点")


def _atom_from_match(m: re.Match[str], text: str) -> _Atom | None:
    start = m.start()
    if m.group("pct"):
        raw = m.group("pctnum")
        value = parse_arabic(raw) if raw[0].isdigit() else parse_chinese(raw)
        if value is None:
            return None
        return _Atom(start, m.end(), m.start("pct"), value, "%", _qualifier(m), not raw[0].isdigit())
    value, chinese = _number_value(m)
    num_start = m.start("num") if m.group("num") else start
    raw = m.group("num") or ""
    before = text[max(0, start - 3):start]
    bare = _bare_round(m, text)
    if bare is not None:
        value = bare[0]
        start -= bare[2]
    elif value is None:
        return None
    elif chinese:
        # 增长近一倍, 翻了一倍: 一 alone is a figure only as a multiple.
        doubling = raw == "一" and text.startswith("倍", m.end("num"))
        if not doubling and not _chinese_numeral_ok(raw, before if not m.group("pre") else ""):
            return None
    elif _code_before(text, num_start):
        return None
    mult = m.group("mult") or m.group("mult2")
    after_more = m.group("multb") or m.group("multb2") or ""   # 12万多亿: the multipliers after 多
    unit, end = _unit_of(m, text)
    if unit == "度" and not mult:
        return None  # 30度: a temperature or an angle; only 亿度, 万度 are electricity
    if unit == "个" and not mult and _POINTS_LATER.match(text, end):
        unit = "百分点"  # 高出全国、全省2.2个和1.7个百分点: the first member's 百分点 is left to the last
    spoken = _SPOKEN_MONEY.match(text, end) if unit == "个" and not mult else None
    if spoken is not None:
        # 今年的目标是1.5个亿, 完成今年2个亿的目标: hundreds of millions of yuan, as people say them
        mult, unit, end = spoken.group("mult"), "元", spoken.end()
    if unit is None and mult and (mult + after_more).endswith("亿") and (not m.group("more3") or after_more) \
            and ((_MONEY_MEASURE.search(text, max(text.rfind("。", 0, start), start - 40, 0), start) is not None
                  and _CLAUSE_ENDS_AFTER.match(text, m.end()) is not None)
                 or _MONEY_MEASURE_AFTER.match(text, m.end()) is not None):
        # 经济总量突破1500亿，…; 社会消费品零售总额…首次突破400亿: an amount of money said without 元
        unit, end = "元", m.end("multb2") if m.group("multb2") else m.end("mult2") if m.group("mult2") else m.end()
    if unit is None and bare is not None and (_MONEY_MEASURE.search(text, max(text.rfind("。", 0, start), start - 40, 0), start)
                                              is not None):
        unit, end = "元", m.end()   # 固定资产投资再破千亿大关
    if unit is None:
        end = _bare_end(m)
        if not mult and text.startswith("点", end) and not text[end + 1:end + 2].isdigit() \
                and not _CLOCK_BEFORE.search(text, max(0, start - 2), start) \
                and _INDEX_BEFORE.search(text, max(text.rfind("。", 0, start) + 1, start - 30, 0), start) is not None:
            unit, end = "点", end + 1  # 创新能力总指数达到371.9点, 累计增长了271.9点: index points
        elif not chinese and _AFTER_ARABIC_BAD.match(text[end:end + 1]):
            return None
    factor = multiplier(mult) if mult else Decimal(1)
    if after_more:
        factor *= multiplier(after_more)
    scale = Decimal(1)
    if unit == "成":
        unit, scale = "%", Decimal(10)
    if _not_a_figure(m, text, raw, chinese, unit, start, end):
        return None
    qualifier = bare[1] if bare else _qualifier(m)
    if qualifier == "exact" and ((unit == "%" and _ABOUT_SHARE.search(text, max(0, start - 24), start) is not None)
                                 or _ABOUT_BEFORE.search(text, max(0, start - 14), start) is not None):
        qualifier = "approx"  # 约占全国50%, 约占海南省的13%、海口市的40%; 约为全国平均水平的2倍, 全国约有1000家
    if qualifier == "exact" and unit in _ROUND_MEASURES and text.startswith("级", end):
        qualifier = "order_of_magnitude"  # 10万吨级码头, 30万吨级航道: the size class of what is built
    if qualifier == "exact" and _STEP_UP_BEFORE.search(text, max(0, start - 3), start) and _STEP_AFTER.match(text, end):
        qualifier = "more_than"  # 经济总量首次迈上5万亿元新台阶: past the mark, like 突破
    if unit == "倍" and qualifier == "exact" and text.startswith("多", end):
        qualifier, end = "more_than", end + 1  # 是去年的6倍多: more than six times
    negative = not chinese and not m.group("pre") and start > 0 and text[start - 1] in "-−" \
        and _SIGN_CONTEXT.search(text, max(0, start - 7), start - 1) is not None
    if negative:
        start -= 1
    return _Atom(start, end, num_start, value * factor * scale, unit, qualifier, chinese,
                 factor=factor, has_factor=bool(mult), scale=scale, negative=negative)


# A level stepped up to (迈上5万亿元新台阶, 跨入千亿元大关).
_STEP_UP_BEFORE = re.compile(r"(?:迈上|迈入|迈过|站上|跨上|跨入|跨过|登上)$")
_STEP = r"(?:的)?(?:新)?(?:台阶|大关|关口)"
_STEP_AFTER = re.compile(rf"[”\"]?{_STEP}")
_EMPLOYER_AFTER = re.compile(r"用(?:人|工)单位|用户|电商")  # (200家电商企业: 家 counts the firms, not 家电)
# An index whose value is given in points (总指数, 景气指数, 发展指数).
_INDEX_BEFORE = re.compile(r"指数")
_CLOCK_BEFORE = re.compile(r"(?:于|在|午|晚|早|晨|夜)$")  # (于9点发布, 上午8点: a time of day)
# What is counted in money (经济总量, 营业收入, 零售总额 …), before an amount in 亿 with no unit.
_MONEY_MEASURE = re.compile(r"总量|生产总值|GDP|收入|营收|产值|总额|投资|利润|税收|销售额|零售额|增加值|资金|融资|贷款|存款|交易额|成交额")
# 1.8万多亿GDP: the measure of money named right after the amount.
_MONEY_MEASURE_AFTER = re.compile(r"(?:GDP|地区生产总值|生产总值|营业收入|营收|产值|税收|财政收入)")
# (0.82亿、1.16亿和1.47亿美元: members of a list take the unit of its last member instead)
_CLAUSE_ENDS_AFTER = re.compile(rf"[,，。;；!！?？\n]|$|{_STEP}")  # (经济总量迈上5万亿新台阶)
# 约 before 占 qualifies the share(s) that follow in its clause.
_ABOUT_SHARE = re.compile(r"(?:大约|约)占[^,，。;；:：]*$")
# 约为…的2倍, 大约有200种, 将约达7.2万平方米, 约计200人: 约 a few words before the number it qualifies.
_ABOUT_BEFORE = re.compile(r"(?<![签合公条契预节制邀履违誓特相])(?:大约|约)(?:为|有|达|是|计|合)[^,，。;；:：\d、]{0,10}$")
# 2个亿, 1.5个亿元: 亿 counted with 个 is an amount of yuan (not 31个亿元项目, 87个亿元以上项目:
# projects counted by their size class).
_SPOKEN_MONEY = re.compile(r"(?P<mult>亿|千万|百万)元?(?=的|[,，.。;；、!！?？”\"）)\s]|$)")
# A round amount written as multipliers alone: 百, 千万, 十亿, 万亿 (not 亿万, an idiom).
_ROUND_RUN = re.compile(r"(?:十|百|千)?(?:万|亿|万亿)?")
_MONEY_UNITS = frozenset({"元", "美元", "欧元", "港元", "日元"})
# 上百个, 上亿元 (a hundred / 1e8 or more) and 过百家, 过亿元 (more than): one-character
# qualifiers that _PRE leaves out, since 上 and 过 end many words (以上, 马上, 通过, 经过).
_LEAD_QUALIFIER = {"上": "at_least", "过": "more_than", "破": "more_than"}
# 以上, 马上, 网上, 会上 …: 上 ends a word there; 通过, 经过, 不过 …: so does 过 (and 突破, 打破 破).
_LEAD_WORD_BEFORE = {"上": "以向马之早晚线路网成会台街岸海山身面", "过": "通经超不越度跨错难路闯胜",
                     "破": "突打攻爆击冲识看"}
# Measures a round amount may be given in (流转土地近千亩, 吞吐量超万吨); 万吨级 is a class.
_ROUND_MEASURES = frozenset({"亩", "公顷", "平方米", "平方公里", "吨", "千瓦", "千瓦时", "立方米", "公里", "米",
                             "标箱", "标准箱", "千克", "公斤"})


def _bare_round(m: re.Match[str], text: str) -> tuple[Decimal, str, int] | None:
    """超百家, 近千人, 千余家, 上百个, 近千万元, 逾百万元, 上亿元, 超千亿元: multipliers standing
    alone as a round amount, read as 1 百/千万/亿 with the qualifier around it; returns
    (value, qualifier, characters of a one-character qualifier before the match).

    Only with a counting classifier or a money unit, and only with a qualifier: 百家 alone is
    usually a name, and 亿元以上项目, 千万元级, 超百亿元企业 (a noun right after the unit) name
    a size class, not an amount."""
    raw = m.group("num")
    if not raw or m.group("mult") or m.group("mult2") or m.group("pct") or m.group("per2") \
            or not _ROUND_RUN.fullmatch(raw):
        return None
    unit = m.group("unit2")
    if unit is None:
        # 再破千亿大关: a round amount in 亿 said as a milestone, its money named before (see _atom_from_match)
        if not (raw.endswith("亿") and _MILESTONE_AFTER.match(text, m.end())):
            return None
    elif UNITS[unit] in _MONEY_UNITS:
        # (超千亿元目标: the amount of a goal, not a size class)
        unit_end = m.end("unit2")
        if m.group("post") or (_CJK_AFTER.match(text, unit_end) and not _MILESTONE_AFTER.match(text, unit_end)):
            return None
    elif UNITS[unit] in _ROUND_MEASURES:
        if m.group("post") or text.startswith("级", m.end("unit2")):
            return None
    elif UNITS[unit] in CLASSIFIER_UNITS:
        unit_end = m.end("unit2")
        nxt = text[unit_end:unit_end + 1]
        if len(unit) == 1 and nxt and nxt in NOT_A_CLASSIFIER_BEFORE.get(unit, ""):
            return None
    else:
        return None
    value = multiplier(raw)
    if m.group("pre"):
        return (value, _qualifier(m), 0) if not m.group("post") else None
    if m.group("more"):
        return value, "more_than", 0
    start = m.start()
    lead = text[start - 1] if start > 0 else ""
    if lead in _LEAD_QUALIFIER and not (start > 1 and text[start - 2] in _LEAD_WORD_BEFORE[lead]) \
            and text[max(0, start - 3):start - 1] not in ("成百", "成千", "成万"):  # 成百上千: an idiom
        return value, _LEAD_QUALIFIER[lead], 1
    return None


_CJK_AFTER = re.compile(r"[\u4e00-\u9fff]")
# A round amount as a milestone or a goal's size: 千亿大关, 百亿关口, 超千亿元目标.
_MILESTONE_AFTER = re.compile(r"(?:的)?(?:大关|关口|目标)")
# 近一半, 超过一半, 一半以上: a half as a share (50 %); 一半 alone and 过半 are left out.
_HALF = re.compile(r"(?P<pre>将近|接近|近|约|超过|超|逾|不到|不足)?(?:一半|半数)(?P<post>以上|左右)?")  # (半数以上为本科以上学历)
# 三分之二, 近四分之一: a fraction written out is a per cent of a whole.
_FRACTION = re.compile(r"(?P<pre>将近|接近|近|约|超过|超|逾|不到|不足)?(?P<den>[二三四五六七八九十])分之(?P<num>[一二三四五六七八九])"
                       r"(?P<post>以上|左右)?")
_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九十")}
_FRACTION_PRE = re.compile(r"(?:将近|接近|近|约|超过|超|逾|不到|不足)$")


def _percent_of(num: int, den: int) -> Decimal:
    """A fraction as a per cent (1/3 -> 33.33…); annotators round it to two or three decimals or not
    at all, so the value is kept whole."""
    return Decimal(num) / Decimal(den) * 100
# 占全市1/3: a fraction in digits, read only as the share it states (1/3 elsewhere may be a date).
# (贡献了全国1/10的地区生产总值: a fraction of a whole named after it, with 的, is one too)
# (超过同期全国GDP的1/5, 接近全国税收收入的1/4: a fraction of a whole after a verb of comparison)
_SLASH_FRACTION = re.compile(r"(?:占[^,，。;；:：\d]{0,6}?|(?P<verb>超过|接近|相当于|达到)[^,，。;；:：\d]{1,12}?的)"
                             r"(?P<frac>(?P<num>\d)/(?P<den>\d{1,2}))(?![\d/.])"
                             r"|(?<![\d/.])(?P<frac2>(?P<num2>\d)/(?P<den2>\d{1,2}))(?=的(?!上午|下午|晚上|早上|中午|凌晨))")

# 占全市总数的一半, 超过全县企业的一半: a half of a named whole is a share (一半的时间 is not).
_HALF_OF = re.compile(r"(?:(?P<q>大约|约|将近|接近|近|超过|超|逾|不到|不足)?占比?|(?P<verb>超过|不到|不足|接近|将近|达到|完成))"
                      r"(?:[^,，。;；:：\d%一]{0,15}的)?$")


def _bare_end(m: re.Match[str]) -> int:
    """Where a number with no unit ends: after its multiplier (35万) or 余/多, before anything else."""
    for group in ("multb2", "more3", "mult2", "mult", "more"):
        if m.group(group):
            return m.end(group)
    return m.end("num")
