"""Things described rather than produced: the size of a project (总投资120亿元的项目), of a
place (总面积60.24平方公里) or of a plant (年产8万吨…项目), and the day such a description is dated to."""
from __future__ import annotations

import re

from ingest.extract.clauses import _clause_end, _clause_start
from ingest.extract.context import _Context
from ingest.extract.phrases import _DISCOURSE_HEAD
from ingest.extract.scan import _Atom
from ingest.numbers import ARABIC
from ingest.periods import Period, TimeMention, default_period

# How far back before a figure its own words are looked for: clauses of lists joined by 、
# can run for pages, and reading all of one for each of its figures was quadratic.
LOOK_BACK = 80


_FOUNDING_EVENT = re.compile(r"成立|挂牌|批准|获批|设立|组建|揭牌|开园|奠基|升级为|更名|划归|托管|启用|动工|建区|建园"
                             r"|始建|创建|创办|兴建|合署办公|建立|合并|整合为|撤并")


def _event_day(period: Period | None, ctx: _Context) -> Period:
    """The day a figure's sentence is dated to when that is a single day (昨天, 12月1日, 当日),
    else, in the paragraphs that tell it, the day of the event the article reports (6月30日，…项目开工
    ⏎ 据了解，…规划新增投资112亿元), else the article's date: what a description of a thing is counted at."""
    published, event = ctx.published, ctx.event if ctx.near_event else None
    if period is not None and period.start == period.end and period.end <= published:
        return period
    if period is None and event is not None and event[0].start == event[0].end and event[0].end <= published:
        return event[0]   # (not when a time phrase of the paragraph, 9月以来, dates the sentence)
    if period is None and event is not None and ctx.ceremony is not None and ctx.ceremony.end <= published:
        # 3月6日，…举行2019年一季度重点项目集中开工仪式。…此次5个项目分别是…，总投资18亿元: the
        # projects of a batch as the ceremony's day told of them
        return ctx.ceremony
    return default_period(published)


def _why_day(period: Period) -> str:
    return f"the day of the event, {period.label}" if period.label else "the article's date"


# What a place is like: its area, length of coast or roads, population, the units it holds.
_PLACE_UNITS = frozenset({"平方公里", "公顷", "平方千米", "公里", "千米"})
_PLACE_WORDS = re.compile(r"面积|人口|岸线|海岸|辖|占地|规划用地|长度|纵深|周长|宽|建成区|起步区|区域|范围")


def _describes_place(text: str, a: _Atom, s0: int) -> bool:
    clause = _clause_start(text, a.start, s0)
    clause = max(clause, a.start - LOOK_BACK)
    if _CHANGE_OR_FLOW_NEAR.search(text, clause, a.start):
        return False
    return a.unit in _PLACE_UNITS or _PLACE_WORDS.search(text, clause, a.start) is not None


_CHANGE_OR_FLOW_NEAR = re.compile(r"新增|新建|完成|实现|增加|扩大|减少|开发了|征收|出让|供应|治理|绿化|改造|整治")


def _event_dated(text: str, own: TimeMention | None, ctx: _Context, a: _Atom, s0: int) -> bool:
    """Whether the time in force is the date of an event (批准设立, 成立, 奠基…) told in another
    clause than the figure's."""
    mention = own if own is not None else ctx.frame
    if mention is None or mention.period is None or mention.kind not in ("span", "asof"):
        return False
    if mention.start >= _clause_start(text, a.start, s0):
        return False
    end = _clause_end(text, mention.end, a.start)
    if _FOUNDING_EVENT.search(text, mention.start, max(end, mention.end)) is not None \
            or _FOUNDING_EVENT.search(text, max(0, mention.start - 12), mention.start) is not None:
        return True
    # 产业园于2023年6月开工建设，规划用地104亩，建筑面积10.8万㎡: the day or month its works
    # started dates the start; 全年建成安置房1010套，总面积约12万平方米 is what the year built
    short = (mention.period.end - mention.period.start).days <= 31
    return (short or text[max(0, mention.start - 1):mention.start] == "于") \
        and _WORKS_EVENT.search(text, mention.start, max(end, mention.end)) is not None


_WORKS_EVENT = re.compile(r"开工|开建|建成|投产|竣工|投用")


_ATTRIBUTE_BEFORE = re.compile(r"(?:总投资|计划投资|总投资额|占地面积|占地|建筑面积|规划面积|总面积|设计产能|年产能|年产)"
                               r"(?:约|达|为|达到)?$")

# 投资15亿元的智能装备项目: plain 投资 sizes a thing only when a project noun follows the 的.
_INVEST_BEFORE = re.compile(r"(?<!完成)(?<!累计)(?<!实际)(?<!实现)(?<!固定资产)投资(?:约|达|为|达到)?$")
_PROJECT_AFTER = re.compile(r"的[^,，。;；:：\d]{0,16}?(?:项目|工程|生产线|基地|产业园|园区|厂区|综合体|工厂|中心)")


def _is_attribute(text: str, a: _Atom, s0: int) -> bool:
    if not text.startswith("的", a.end):
        return False
    clause = _clause_start(text, a.start, s0)
    if _ATTRIBUTE_BEFORE.search(text, clause, a.start) is not None:
        return True
    return _INVEST_BEFORE.search(text, clause, a.start) is not None and _PROJECT_AFTER.match(text, a.end) is not None


# The size of one project being described (该项目总投资30亿元，占地500亩；二期投资75亿元).
_DETAIL_WORD = re.compile(r"(?:计划总投资|总投资额|投资总额|总投资|投资|总占地面积|占地面积|占地|用地面积|总建筑面积|建筑面积)"
                          r"(?:约|达|为|达到|超过|超|逾|近)?$")
_DETAIL_CAPACITY = re.compile(r"(?:年产能|年产|年生产|年加工|年处理|设计产能)[^,，。;；:：\d]{0,10}?(?:约|达|为|达到)?$")
_PROJECT_WORD = re.compile(r"项目|工程|[一二三]期")
_DETAIL_UNITS = frozenset({"元", "美元", "亩", "平方米", "平方公里", "公顷"})
# Words that make the owner many projects or a flow of the period (全区, 新签约项目, 完成投资, 固定资产投资).
_AGGREGATE_OWNER = re.compile(r"全|共|累计|合计|总计|新(?:签|增|开工|引进|建|落户|入驻|注册|登记|上)|签约|引进|在建|开工|竣工|以上|重点|批|完成|实现|到位|固定资产|年度|今年|本年"
                              r"|各类|工业|社会|实际|利用|外资|内资|招商|园区|开发区|平均")
# Plain 投资 sizes a project only as a phase of it or with a word pointing at the one project
# (二期投资, 该项目投资); 技改项目投资32亿元 is money spent over the period.
_PLAIN_INVEST_OWNER = re.compile(r"(?:期|期工程|期项目|^(?:该|此|这一|这个|其)?(?:项目|工程))$")
# A count of projects in the sentence makes its 总投资 the sum over them (签约项目12个，总投资43亿元).
_PROJECT_COUNT = re.compile(rf"(?:{ARABIC}|[两三四五六七八九十百千]+)[余多]?(?:个|项|家|批)")


def _project_detail(text: str, a: _Atom, s0: int, full_start: int) -> bool:
    """该项目一期投资45亿元，占地760亩，建筑面积12万平方米: the size of the one project an article
    describes is an attribute of it, not something the period produced."""
    clause = _clause_start(text, a.start, s0)
    if a.unit in _DETAIL_UNITS:
        m = _DETAIL_WORD.search(text, clause, a.start)
    elif a.unit is not None and a.unit not in ("%", "‰", "百分点", "倍") \
            and _PROJECT_WORD.search(text, full_start, clause):
        m = _DETAIL_CAPACITY.search(text, clause, a.start)  # 该项目…，年产各类管件8万吨
    else:
        return False
    if m is None:
        return False
    owner = _DISCOURSE_HEAD.sub("", text[clause:m.start()])
    owner = re.sub(r"^(?:其中|同时|此外|另外)", "", owner)
    if len(owner) > 12 or _AGGREGATE_OWNER.search(owner):
        return False
    if m.group().startswith("投资") and not _PLAIN_INVEST_OWNER.search(owner):
        return False  # 园区投资20亿元: money spent, not the size of a project
    return _PROJECT_COUNT.search(text, full_start, a.start) is None


# What measures a capacity: an annual rate in the unit (20万吨/年) or a capacity word before it.
_CAPACITY_BEFORE = re.compile(r"(?:年产|年产能|年生产能力|年设计产能|设计产能|设计年产|年加工|年处理|年吞吐|年出栏|年屠宰|年回收)"
                              r"(?:能力)?(?:约|达|为|达到)?$")
# ... directly followed by the thing it sizes: 聚丙烯项目, 的钢管生产线, 智能化装置 (not 的目标).
_CAPACITY_THING_AFTER = re.compile(r"的?[^,，。;；:：、\d的“”\"]{0,14}?的?(?:项目|生产线|产线|装置|工厂|工程|基地|车间|厂)")

_CAPACITY_WORD = re.compile(_CAPACITY_BEFORE.pattern.replace("$", ""))
_LIST_TAIL = re.compile(r".{0,24}\d.{0,12}?(?:和|、|及|与|以及)")
_LIST_MEMBER_AFTER = re.compile(r"[^,，。;；:：\d“”\"]{0,14}?(?:和|、|及|与|以及)(?=[\d一二三四五六七八九十])")
_PLANT_WORD = re.compile(r"项目|生产线|产线|装置|工厂|工程|基地|车间|厂")


def _names_capacity(text: str, a: _Atom, s0: int) -> bool:
    """年产8万吨聚氯乙烯项目, 20万吨/年聚丙烯项目: a capacity that names the plant it belongs to;
    also each member of a list of them (年产15万吨聚丙烯和20万吨聚乙烯生产线)."""
    if a.unit is None or a.unit in ("%", "元"):
        return False
    clause = _clause_start(text, a.start, s0)
    clause = max(clause, a.start - LOOK_BACK)
    if not (a.unit.endswith("/年") or _CAPACITY_BEFORE.search(text, clause, a.start)):
        cue = None
        for m in _CAPACITY_WORD.finditer(text, clause, a.start):
            cue = m
        if cue is None or not _LIST_TAIL.fullmatch(text, cue.end(), a.start):
            return False  # not a later member of a list the capacity word opens
    if _CAPACITY_THING_AFTER.match(text, a.end) is not None:
        return True
    # an earlier member of the list: the plant is named after the last member
    return _LIST_MEMBER_AFTER.match(text, a.end) is not None \
        and _PLANT_WORD.search(text, a.end, _clause_end(text, a.end, len(text))) is not None
