"""Stocks and flows: a count held on a day (企业总数, 现有, 余额, 在建) against one summed over
months; flows counted up to a 截至 day, changes since the start of the year."""
from __future__ import annotations

import bisect
import re
from datetime import date

from ingest.extract.clauses import _clause_start
from ingest.extract.context import _Pending
from ingest.extract.scan import _Atom
from ingest.extract.scope import _Scope
from ingest.extract.subjects import _BASE_PHRASE
from ingest.extract.units import CLASSIFIER_UNITS
from ingest.periods import Period

# The cue words of stocks and flows, one list each: a sentence's (_STOCK_CUE, _FLOW_CUE) and a
# title's (_TITLE_STOCK, _TITLE_FLOW: a title says less, so a few more words decide) are built
# from them.
# A count held: 现有企业120家, 企业总数, 存款余额.
# (招商引资总量, 投资总量, 销售总量: an amount brought in or sold over the period, a flow)
_HELD = r"现有|现辖|拥有|总数|(?<!消耗)(?<!消费)(?<!经济)(?<!能耗)(?<!用电)(?<!用水)(?<!引资)(?<!投资)(?<!销售)(?<!交易)(?<!业务)(?<!蛋奶)(?<!周转)(?<!运输)(?<!出口)(?<!进口)(?<!贸易)(?<!吞吐)(?<!生产)(?<!产出)(?<!GDP)(?<!产值)(?<!收入)(?<!增加值)(?<!税收)(?<!营收)总量|保有量|存量(?!土地|用地|建设用地|厂房)|余额"
# Something new or done in the period: 新登记市场主体1268户, 完成投资5亿元 (累计完成 is held: a
# total since a project began).
_NEW_OR_DONE = r"新(?:登记|注册|设立|增|签约|签|引进|开工|入驻|落户|招引|发展|备案|培育|认定)|(?<!累计)(?:完成|实现)"

_STOCK_CUE = re.compile(rf"(?:{_HELD}|累计(?:达到|达|增至|增加到|突破|超过)|总计达)")
# 规上工业企业从39家增加至117家 under 2017年以来: the count the years brought it to, held on the day
_COUNT_RAISED_TO = re.compile(r"(?:增加|增长|增至|提高|上升|发展|扩大)(?:到|至)了?$|增至$")

# Things under way are counted on a day (在建项目86个, 在孵企业64家, 在册企业). Projects in
# negotiation or in reserve (在谈, 储备) are not: reports count them over the months so far
# (今年以来，储备在谈项目200余个), as a pipeline built up in that time.
_UNDER_WAY = re.compile(r"在建|在孵|在库|在营|在册|在园")
_NOW_STOCK = re.compile(r"现有|现已|现辖")
# Words that make a figure under 截至10月底 a flow summed since the start of that year
# (新登记市场主体1268户, 完成投资5亿元), not a count held on the day. 累计 is left out: a total
# since a project began (累计完成投资32.5亿元) is read as of the day.
_FLOW_CUE = re.compile(_NEW_OR_DONE)
_MEASURE_OF_FLOW = re.compile(r"增加值|产值|营业收入|营收|主营业务收入|销售收入|利润|税收|投资|进出口|出口|进口")
_VERB_OF_FLOW = re.compile(r"(?<!累计)(?:实现|完成)")
# The day a 截至 phrase names: 截至10月底, 截至2018年4月28日, 截止今年9月末 (not 截至目前).
_CUTOFF_BEFORE = re.compile(r"(?:截至|截止到|截止|截至到|(?<![截])至|(?<![截止])到|(?<![拦阻])截)\s*$")
_CUTOFF_DAY = re.compile(r"(?:月|日|号|底|末)$")


def _cutoff_day(text: str, scope: _Scope, pos: int, period: Period) -> bool:
    """Whether the day ``period`` stands for was named by a 截至 phrase before ``pos``."""
    i = bisect.bisect_left(scope.starts, pos) - 1
    while i >= 0:
        m = scope.mentions[i]
        if m.kind == "asof" and m.period is not None and m.period.end == period.end and m.end <= pos:
            return _CUTOFF_BEFORE.search(text, max(0, m.start - 5), m.start) is not None \
                and _CUTOFF_DAY.search(text, m.start, m.end) is not None
        i -= 1
    return False


def _is_flow(text: str, a: _Atom, s0: int) -> bool:
    clause = _clause_start(text, a.start, s0)
    if _PHASE.search(text, clause, a.start) and "已" in text[clause:a.start]:
        return False  # 截至6月，园区一期已完成投资4.5亿元: what a phase has cost so far, held on the day
    if _YEAR_TO_DATE.search(text, clause, a.start) and not _PROJECT_WORD.search(text, clause, a.start):
        return True
    return _FLOW_CUE.search(text, clause, a.start) is not None and _STOCK_CUE.search(text, clause, a.start) is None \
        and "累计" not in text[clause:a.start]


# 一般预算收入累计完成8736万元 (截至3月底): revenue, spending or output summed so far this year, a
# flow; 累计完成投资32.5亿元 of a project is its total since it began.
_YEAR_TO_DATE = re.compile(r"(?:收入|支出|税收|产值|营业收入|增加值|销售额|利润|进出口(?:总额|额)?|出口额|进口额)"
                           r"[^，,。；;]{0,4}累计(?:完成|实现)")
_PROJECT_WORD = re.compile(r"项目|工程")
_PHASE = re.compile(r"[一二三四五]期")  # 一期, 二期工程: a phase of a project


_YEAR_ON_YEAR = re.compile(r"同比|(?:比|较)(?:上年|去年)(?!末|底|初)")

_SINCE_YEAR_START = re.compile(r"(?:比|较)(?:年初|上年末|上年底|去年末|去年底|(?P<year>\d{4})年(?:末|底))")


def _since_year_start(text: str, a: _Atom, s0: int, year: int) -> bool:
    """The change is measured from the start of ``year`` (比年初增加…, 较2023年末净增… in
    2024), in its own clause or, when its clause names no base, in the clause before
    (比年初净增2100户，增长7.1%)."""
    clause = _clause_start(text, a.start, s0)
    if any(_from_year_start(m, year) for m in _SINCE_YEAR_START.finditer(text, clause, a.start)):
        return True
    if _BASE_PHRASE.search(text, clause, a.start):
        return False
    last_since = last_other = -1
    for m in _SINCE_YEAR_START.finditer(text, s0, clause):
        if _from_year_start(m, year):
            last_since = m.start()
    for m in _BASE_PHRASE.finditer(text, s0, clause):
        if not _SINCE_YEAR_START.match(text, m.start()):
            last_other = m.start()
    return last_since > last_other


def _from_year_start(m: re.Match[str], year: int) -> bool:
    return m.group("year") is None or int(m.group("year")) == year - 1


def _is_stock(text: str, a: _Atom, s0: int, pending: list[_Pending], period: Period, published: date) -> bool:
    """A count held on a day (企业总数达到860家, 累计达到7800家, 现有企业120家, 在建项目86个 in
    months gone by), or the change of the one just before it in the sentence (…，同比增长18%)."""
    clause = _clause_start(text, a.start, s0)
    held = [m.end() for m in _STOCK_CUE.finditer(text, clause, a.start)]
    if held and not _VERB_OF_FLOW.search(text, held[-1], a.start):
        return True  # (拥有4.2万人口的中捷农场实现地区GDP130亿元: 拥有 describes the place, 实现 reports the flow)
    if a.unit in CLASSIFIER_UNITS and period.end >= published and _COUNT_RAISED_TO.search(text, max(clause, a.start - 5), a.start) \
            and re.search(r"[从由][^,，。;；]{0,16}?\d", text[clause:a.start]):
        return True
    if a.unit in CLASSIFIER_UNITS and period.end < published and _UNDER_WAY.search(text, clause, a.start) \
            and not _FLOW_CUE.search(text, clause, a.start):
        # 1-9月，全区在建亿元以上项目86个: the projects under way when the months closed, not a
        # flow over them (under 今年以来 the count stays with the year so far, as the seed's gold has it)
        return True
    stock = next((p for p in reversed(pending) if p.kind != "change"), None)
    if stock is not None and _MEASURE_OF_FLOW.search(text, clause, a.start) is not None:
        stock = None  # 现有628家企业，…，增加值同比增长17.8%: the growth of a flow the clause names, not of the count
    if stock is not None and stock.kind == "level" and stock.sentence[0] == s0 and stock.period is not None \
            and stock.period.start == stock.period.end and period.end == stock.period.end \
            and _STOCK_CUE.search(text, _clause_start(text, stock.atom.start, s0), stock.atom.start) \
            and not _FLOW_CUE.search(text, clause, a.start):
        # (总数达到453家，新备案科技型中小企业856家: the flow after the stock stays a flow; so does one with a
        # period of its own: 目前拥有规上工业企业418家，去年规上工业总产值达1100亿元)
        return True
    return False


# A title's reporting period frames flows and changes; a stock (可办理事项1326项, 现有企业, 累计,
# 总数) is counted on the article's day, and so are the parts and shares of it that follow in
# its sentence (其中…事项占比98.5%，…事项642项) unless they name a flow of their own.
_TITLE_STOCK = re.compile(rf"可(?:办理|办|提供|容纳|受理)|共有|累计|{_HELD}")
# A count of things that exist by now, not of what the period added.
_COUNT_REACHED = re.compile(r"已经|已有|已达|达到")
_TITLE_FLOW = re.compile(rf"{_NEW_OR_DONE}|新建|(?<![可能])办理|受理|办结")


def _title_stock(text: str, a: _Atom, s0: int, pending: list[_Pending], published: date) -> bool:
    clause = _clause_start(text, a.start, s0)
    # In a share (占开发区投资总量的64.5%) the words after 占 name the whole, not a stock.
    share_at = text.find("占", clause, a.start)
    head_end = share_at if share_at >= 0 else a.start
    if _TITLE_FLOW.search(text, clause, head_end) is not None:
        return False
    if _TITLE_STOCK.search(text, clause, head_end) is not None:
        return True
    if a.unit in CLASSIFIER_UNITS and _COUNT_REACHED.search(text, clause, head_end) is not None:
        return True  # 已经成立了4家风险投资公司, 工程研究中心达到11家: how many there are now
    same = [p for p in pending if p.sentence[0] == s0 and p.kind != "change"]
    if not same or same[-1].period is None or (same[-1].period.start, same[-1].period.end) != (published, published):
        return False
    return any(_TITLE_STOCK.search(text, _clause_start(text, p.atom.start, s0), p.atom.start) is not None for p in same)


# Work measured against the year's plan (完成年度计划的73.4%, 占年计划的62.4%).
_YEAR_PLAN = r"(?:完成|占)(?:年度|全年|年)(?:投资)?计划(?:投资)?的"
_YEAR_PLAN_SHARE = re.compile(_YEAR_PLAN + "$")
_YEAR_PLAN_AFTER = re.compile(r"[,，]\s*" + _YEAR_PLAN)
