"""Find every figure an analyst would record in an article: value, unit, qualifier,
kind, period, subject and sector, each pointing back to its sentence.

The pipeline per block of text (title, headings, paragraphs):

1. scan numbers with what is glued to them (qualifiers, 余/多, multipliers, units);
2. join ranges (5至10万元) and lists whose last member carries the unit (12、15、18亿元);
3. drop what is not a figure (years, ordinals, names with numerals, road numbers ...);
4. cut the block into sentences and clauses; give each figure its kind from the words
   just before it and its period from the time phrases that govern it (ingest.periods).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from decimal import Decimal

from ingest.model import Article, Figure, Paragraph
from ingest.numbers import ARABIC, CHINESE, MULTIPLIER_RUN, multiplier, parse_arabic, parse_chinese
from ingest.periods import (Period, TimeMention, as_of, default_period, find_time_mentions, last_framing_year,
                            last_named_year, still_ahead, year_earlier, year_span)

EXTRACTOR_VERSION = "1.12"

# --- units -----------------------------------------------------------------------------

# surface form -> unit stored (the base unit or classifier; the multiplier is removed).
# Units are kept as written except for spellings every reader takes as one unit (平米 and
# 平方米, 个百分点 and 百分点): an analyst searches for the word the article used.
UNITS: dict[str, str] = {
    "元人民币": "元", "人民币": "元", "美元": "美元", "欧元": "欧元", "港元": "港元", "港币": "港币",
    "日元": "日元", "英镑": "英镑", "元": "元",
    "%": "%", "‰": "‰", "个百分点": "百分点", "百分点": "百分点", "倍": "倍", "成": "成",
    "平方公里": "平方公里", "平方千米": "平方千米", "平方米": "平方米", "平米": "平方米", "㎡": "平方米",
    "亩": "亩", "公顷": "公顷", "公里": "公里", "千米": "公里", "km": "公里", "米": "米",
    "吨标准煤": "吨标准煤", "吨标煤": "吨标煤", "吨": "吨", "千克": "千克", "公斤": "公斤", "斤": "斤",
    "立方米": "立方米", "千瓦时": "千瓦时", "千瓦": "千瓦", "兆瓦": "兆瓦", "千伏安": "千伏安",
    "微克/立方米": "微克/立方米", "毫克/立方米": "毫克/立方米", "毫克/升": "毫克/升",
    "标准箱": "标准箱", "标箱": "标箱",
    "家": "家", "个": "个", "项": "项", "条": "条", "名": "名", "人次": "人次", "人": "人", "户": "户",
    "种": "种", "台套": "台套", "台": "台", "套": "套", "辆": "辆", "件": "件", "所": "所", "座": "座", "栋": "栋",
    "幢": "幢", "处": "处", "间": "间", "张": "张", "艘": "艘", "架": "架", "只": "只", "头": "头",
    "棵": "棵", "株": "株", "位": "位", "场": "场", "次": "次", "篇": "篇", "部": "部", "块": "块",
    "宗": "宗", "起": "起", "例": "例", "份": "份", "盏": "盏", "支": "支",
    "笔": "笔", "批次": "批次", "批": "批", "单": "单", "册": "册", "个基点": "基点", "基点": "基点",
    "列": "列",  # 开行中欧班列86列: trains run
    "类": "类",  # 统计监测的19类商品: categories counted; after Arabic numerals only (两类人群 is a phrase)
    "轮": "轮",  # 开展5轮专项检查: rounds of a campaign
    # Counts of trips or services (46辆次 = 46 passages of vehicles, not 46 vehicles): the
    # classifier with 次 is its own unit, as 人次 is.
    "辆次": "辆次", "架次": "架次", "艘次": "艘次", "航次": "航次", "班次": "班次", "车次": "车次",
    "列次": "列次", "趟次": "趟次", "户次": "户次", "家次": "家次", "件次": "件次", "台次": "台次",
    "场次": "场次", "项次": "项次",
    "个工作日": "工作日", "工作日": "工作日", "个小时": "小时", "小时": "小时", "分钟": "分钟", "天": "天",
    "个月": "月",
    # Points of a score (满意度得分93.5分); read after Arabic numerals only, since 十分, 部分
    # and 分别 are words.
    "分": "分",
}
DURATION_UNITS = frozenset({"工作日", "小时", "分钟", "天", "月"})
# Units a Chinese numeral may carry. 次 is left out (十届二次全会), and so are durations and
# scores (十分 is "very").
CHINESE_NUMERAL_UNITS = frozenset(u for u in UNITS.values() if u not in DURATION_UNITS | {"‰", "分", "类"})
# The character after a one-character classifier that shows it is the start of a word.
NOT_A_CLASSIFIER_BEFORE = {
    "家": "庭乡居具电园用长属门", "人": "民才员口工均大士物", "名": "称单义牌片列录额", "个": "人体性案月",
    "条": "例款件", "项": "目", "台": "阶风湾州", "所": "有在属得以谓长", "座": "谈", "次": "要级数日年之",
    "处": "理置罚室长级", "位": "于置列数一次", "种": "植类子养业", "场": "景所地馆面", "头": "部号条衔",
    "起": "来步点草诉", "部": "分门署", "支": "持付撑出柱", "块": "钱", "份": "额子", "例": "如",
    "间": "隔", "天": "然津气", "米": "面粮", "户": "籍口外型", "只": "是有要能", "架": "构", "元": "素旦宵",
    "件": "事", "张": "家", "成": "为立本果功员效长都绩交型熟片就品套",
    "笔": "记者画墨直", "批": "准复示发量评办", "单": "位独项元体个品价据一列纯人打边", "册": "子",
    "列": "入为车表出举位席队明式举阵岛国强",
    "轮": "流换值岗训班次胎船机作廓番车椅毂回候",
    "分": "钟之别析类布局公司行院会期批级档项享配解拨红散开段担摊流娩工区子队店部厂支站所社中校内外成钱米秒",
}
_PER = "年|日|天|月|人|吨|亩|平方米|立方米|千瓦时|小时|户|辆|台|套|公里|件|次"
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_PRE = "大约|约为|约|将近|接近|近|超过|超出|超|逾|突破|不足|不到|不超过|不少于|不低于|至少|最多"
_POST = "以上|以下|左右|上下|以内|之多|有余"

_ATOM = re.compile(
    rf"(?P<pre>{_PRE})?"
    rf"(?:(?P<pct>百分之)(?P<pctnum>{ARABIC}|{CHINESE})"
    rf"|(?P<num>{ARABIC}|{CHINESE})(?P<more>余|多)?"
    rf"(?:(?P<mult>{MULTIPLIER_RUN})(?P<more2>余|多)?(?P<unit>{_UNIT_ALT})(?P<per>/(?:{_PER}))?"
    rf"|(?P<unit2>{_UNIT_ALT})(?P<per2>/(?:{_PER}))?"
    rf"|(?P<mult2>{MULTIPLIER_RUN})(?P<more3>余|多)?)?)"
    rf"(?P<post>{_POST})?"
)
# 千亿元级, 百亿级: the size class of something being built.
_MAGNITUDE = re.compile(r"(?<![\d零〇一二两三四五六七八九十百千万亿.])(?P<run>[十百千万]?[百千万亿]+)(?P<unit>元|美元)?级")

QUALIFIER_OF = {
    "大约": "approx", "约为": "approx", "约": "approx", "将近": "approx", "接近": "approx", "近": "approx",
    "超过": "more_than", "超出": "more_than", "突破": "more_than", "超": "more_than", "逾": "more_than",
    "不足": "less_than", "不到": "less_than", "不超过": "at_most", "最多": "at_most",
    "不少于": "at_least", "不低于": "at_least", "至少": "at_least",
    "以上": "at_least", "以下": "at_most", "以内": "at_most", "左右": "approx", "上下": "approx",
    "有余": "more_than", "之多": "exact",
}

# --- cues ------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[。！？!?]")
_CLAUSE_BREAK = re.compile(r"[,，;；:：。！？!?|｜]")
_SENTENCE = re.compile(r"[^。！？!?；;]*(?:[。！？!?；;]+[”’」』\"']*|$)")
_RANGE_SEP = re.compile(r"(?:-|—|–|~|～|－|至|到)")
_LIST_SEP = re.compile(r"(?:、|和|与|及|以及|或)")
_BEFORE_ARABIC_BAD = re.compile(r"[A-Za-z_.#/@第×*]$")
_BEFORE_CHINESE_BAD = re.compile(r"(?:第|几|数|若|每|周|星|初|礼|老|之|分)$")
_AFTER_ARABIC_BAD = re.compile(r"^[A-Za-z]")
# 前10名 is a rank; 当前、目前、此前 end in 前 but are time words.
_RANK_BEFORE = re.compile(r"(?:(?<![当目此之提以先空眼])前|居|列|排)$")
# Moves in a ranking (前移3位, 上升2位, 后退5位, 进位4名).
_RANK_MOVE = re.compile(r"(?:前移|后移|上移|下移|前进|后退|退后|上升|下降|提升|提高|攀升|跃升|下滑|回落|晋升|进位|退位|前提|后撤)了?$")
# Political set phrases built from a numeral and 个 (两个维护, 四个意识): names, not counts.
_SET_PHRASE = re.compile(r"[一二两三四五六七八九十]+个(?:意识|自信|维护|确立|全面|代表|一百年|务必|统筹|坚持|必须|有利于|没有变)")
_VIEW_COUNT = re.compile(r"(?:浏览|阅读|点击|访问|播放|次数|阅读量|浏览量|点击量)[^,，。;；]{0,4}$")
_INDEX_CUE = re.compile(r"(?:(?:指数|系数|PMI|指标值|评分|得分|分值|综合指数)(?:值)?(?:为|是|达到|达|升至|降至|保持在|:|:)?"
                        r"|(?<![同环占对相无好正反类])比(?:值)?(?:为|是|达到|达|缩小至|缩小到|缩小为|降至|降为|扩大至|扩大到))$")
# The change of an index just given (收入比为2.25，比上年缩小0.07): a bare number after a base and a verb.
_INDEX_CHANGE = re.compile(r"(?:比|较)(?:上年|去年|上年末|年初|上年同期|去年同期)?(?:缩小|扩大|下降|降低|减少|回落|上升|提高|增加|增长|提升)了?$")
_NOT_AN_INDEX_AFTER = re.compile(r"[年月日号:：\d]|\.\d")
# 增收, 多收, 多挣: income gained over a base (户均增收3000元, 每亩多收1500元) is a change.
# 缩短, 压缩, 缩减, 削减 a time or an amount by so much is a change down (缩短了20个小时);
# 缩短至 / 压缩到 name the level reached and never end the words before the figure.
_CHANGE_VERB = re.compile(
    r"(?:(?P<up>增长|增加收入|增加|上升|提高|提升|攀升|上涨|扩大|(?<![新净])增收|多收|多挣|(?<![新净])增|涨"
    r"|(?<![最较更])(?:高|快)|多)"
    r"|(?P<down>下降|减少|降低|下滑|回落|收窄|缩小|改善|缩短|压缩|缩减|削减|减收|少收|减|降|跌|(?<![最较更])(?:低|慢)|少))"
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
    r"(?:(?P<up>增速|增幅|涨幅|(?<!自然)增长率|增长速度|(?:增长|提高|提升|增加|上升)幅度|增长了)"
    r"|(?P<down>降幅|下降率|(?:下降|降低|减少|缩短|压缩|精简|节约|节省|缩减|削减)幅度|降低率))"
    r"(?:分别|均)?(?:为|是|达到|达|保持在|在)?(?:约|近|超过|超)?$"
)
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
_SINCE_YEAR_START = re.compile(r"(?:比|较)(?:年初|上年末|上年底|去年末|去年底)")
# 比上年新增130家 is a change; 新增企业5家 on its own is a level (the year's count).
_COMPARED_NEW = re.compile(r"(?:(?:比|较)[^,，。;；]{1,5}?(?:新增|净增|多)|(?<![新])净(?:增加|增)了?)$")
# A minus sign is a sign (增长-3.2%) only after a verb or 为; elsewhere it joins a range (6%-8%).
_SIGN_CONTEXT = re.compile(r"(?:增长|增速|下降|增幅|降幅|变化|为|是|:|：|(?:回落|下滑|下降|收窄|放缓|回升|提高|扩大|降)(?:至|到))$")
_DIRECTION_WORD = re.compile(r"(?P<down>下降|减少|降低|回落|收窄|低于|慢于|降|减|低|慢)|(?P<up>增长|提高|提升|上升|高于|快于|扩大|增|高|快)")
_TARGET_CUE = re.compile(
    r"力争|争取|(?<!完成)(?<!年度)计划(?!总?投资|的|数|任务的)|预计|预期|目标(?!的|任务的)|(?<![已即])拟|确保|有望|力求|努力(?:实现|达到|使)|"
    r"(?<![即必])将(?!近|军|来|会议)|届时|(?:建成|投产|达产|达效|投用|运营|竣工)后|到期|规划到"
)
# Cues that can open a list of goals running over semicolons (not 将, 拟, 建成后 …).
_LIST_TARGET_CUE = re.compile(r"目标|预期|力争|确保|计划|力求|努力|预计|争取")
# A cue that opens a list with a colon (…，今年的目标是：…；…) heads it wherever it stands.
_PART_END = re.compile(r"[；;]")
_LIST_COLON = re.compile(r"[^,，。;；:：\d]{0,6}[:：]")
# What ends such a list early: a word of accomplishment or a look back.
_LIST_BREAK = re.compile(r"已经|(?<![拟将])已|目前|截至|截止|现有|现已|去年|上年|同比|比上年|较上年")
_RESULT_WORD = re.compile(r"共|累计|合计|总计|全年|已|成功|先后")
_REVIEW_WORD = re.compile(r"回顾|总结|成绩|成效|完成情况|工作情况")
_DONE_CUE = re.compile(r"已经|(?<![拟将])已|目前|截至|截止|现有|现已")
_PLEDGE_AFTER = re.compile(r"[^,，。;；]{0,3}(?:民生实事|惠民实事|民心工程|为民办实事)")
# 其中 breaks down the figure just reported; the others detail the topic of the paragraph.
_BREAKDOWN = re.compile(r"(?:这|而)?其中")
_CONTINUATION = re.compile(r"(?:(?:这|而)?其中|分[^,，。]{1,4}看|从[^,，。]{1,6}(?:看|来看)|具体(?:来看|看|而言)|按[^,，。]{1,6}分)")
_FILLER = re.compile(r"^(?:其中|同时|另外|此外|而且|并且|以及|共计|共有|共|合计|累计|总计|全年|拥有|实现|完成|达到|达|有|已|为|是|对|在|将|新建|新增)+")
_TRAILING_VERB = re.compile(r"(?:分别为|分别|达到|达|为|是|约为|共计|合计|共|累计|实现|完成|有|约|的|近|超过|超|逾|到|至|在)+$")
# What may stand before a time phrase that is a clause of its own: 截至9月底， 在今年前三季度，
_FRAME_HEAD = re.compile(r"(?:截至|截止到|截止|截至到|在|于|据统计|经统计|今年|全年|(?:力争|争取|计划|预计|确保)?到)?")
_LIST_LEAD = re.compile(r"^(?:、|和|与|及|以及|或|分别为|分别|为)+")
_DISCOURSE_HEAD = re.compile(r"^[\s“”\"'‘’《》()（）]+")


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


@dataclass
class _Block:
    """A run of text that figures are read from: a paragraph, a heading or the title."""

    paragraph: Paragraph
    index: int
    section: str | None
    heading: bool = False


# --- scanning --------------------------------------------------------------------------

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
    if len(surface) == 1 and nxt and nxt in NOT_A_CLASSIFIER_BEFORE.get(surface, "") and not counted:
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
    for m in _MAGNITUDE.finditer(text):
        atoms.append(_Atom(m.start(), m.end(), m.start(), multiplier(m.group("run")), m.group("unit") or "元",
                           "order_of_magnitude", True, magnitude=True))
    atoms.sort(key=lambda a: a.start)
    return atoms


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
    elif _BEFORE_ARABIC_BAD.search(text[max(0, num_start - 1):num_start]):
        return None
    mult = m.group("mult") or m.group("mult2")
    unit, end = _unit_of(m, text)
    if unit is None:
        end = _bare_end(m)
        if not chinese and _AFTER_ARABIC_BAD.match(text[end:end + 1]):
            return None
    factor = multiplier(mult) if mult else Decimal(1)
    scale = Decimal(1)
    if unit == "成":
        unit, scale = "%", Decimal(10)
    if _not_a_figure(m, text, raw, chinese, unit, start, end):
        return None
    negative = not chinese and not m.group("pre") and start > 0 and text[start - 1] in "-−" \
        and _SIGN_CONTEXT.search(text, max(0, start - 7), start - 1) is not None
    if negative:
        start -= 1
    return _Atom(start, end, num_start, value * factor * scale, unit, bare[1] if bare else _qualifier(m), chinese,
                 factor=factor, has_factor=bool(mult), scale=scale, negative=negative)


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
    return False


def _counted_times(raw: str, text: str, start: int, end: int) -> bool:
    """召开三次协调会, 开展五次督导: a count of times. Not 一次性, 二次创业, 三次产业, 一次能源,
    十届二次全会, 首次, 多次 (the words only look numeric)."""
    if raw in ("一", "二", "两") and not text.startswith(("会", "专题", "集中", "调度"), end):
        return False
    if _TIMES_NOT_AFTER.match(text, end) or _TIMES_NOT_BEFORE.search(text, max(0, start - 6), start):
        return False
    return True


_TIMES_NOT_AFTER = re.compile(r"性|产业|能源|创业|全会|会议精神|元|方程|函数|开发|分配|污染|供水|加压|结构|握手")
_TIMES_NOT_BEFORE = re.compile(r"[届第首再多屡依层档每]$|届[^\d,，。;；、]{0,4}$")  # 二届人大三次会议


# Months counted as a time phrase (前4个月, 近3个月, 连续6个月, 3个月来) rather than a duration measured.
_MONTHS_AS_TIME_BEFORE = re.compile(r"(?:前|近|后|头|首|每|这|那|过去|未来|最近|连续|上|下|今后)$")
_MONTHS_AS_TIME_AFTER = re.compile(r"(?:以来|来|里|之内|期间|中|后|间|的?时间)")

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
        return None
    unit_end = m.end("unit2")
    if UNITS[unit] in _MONEY_UNITS:
        if m.group("post") or _CJK_AFTER.match(text, unit_end):
            return None
    elif UNITS[unit] in _ROUND_MEASURES:
        if m.group("post") or text.startswith("级", unit_end):
            return None
    elif UNITS[unit] in CLASSIFIER_UNITS:
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
# 近一半, 超过一半, 一半以上: a half as a share (50 %); 一半 alone and 过半 are left out.
_HALF = re.compile(r"(?P<pre>将近|接近|近|约|超过|超|逾|不到|不足)?一半(?P<post>以上|左右)?")
# 约占全省总数的三成, 近占全部投资的40%: the qualifier stands before 占 but bounds the share.
_SHARE_OF = re.compile(r"(?P<q>大约|约|将近|接近|近|超过|超|逾|不到|不足)占比?(?:[^,，。;；:：\d%]{0,15}的)?"
                       r"(?:比重|比例|份额)?(?:为|是|达到|达)?$")
# 占全市总数的一半, 超过全县企业的一半: a half of a named whole is a share (一半的时间 is not).
_HALF_OF = re.compile(r"(?:(?P<q>大约|约|将近|接近|近|超过|超|逾|不到|不足)?占比?|(?P<verb>超过|不到|不足|接近|将近|达到|完成))"
                      r"(?:[^,，。;；:：\d%一]{0,15}的)?$")


def _bare_end(m: re.Match[str]) -> int:
    """Where a number with no unit ends: after its multiplier (35万) or 余/多, before anything else."""
    for group in ("more3", "mult2", "mult", "more"):
        if m.group(group):
            return m.end(group)
    return m.end("num")


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


def _is_slogan_duration(text: str, end: int) -> bool:
    """24小时不打烊, 365天无休, 全年365天在线: a promise of round-the-clock service, not a
    duration measured (审批时限压缩至24小时 is one)."""
    return _ROUND_THE_CLOCK_AFTER.match(text, end) is not None


_ROUND_THE_CLOCK_AFTER = re.compile(r"(?:全天候|不间断|不打烊|无休|在线|营业|值守|服务|响应|运转|开放|畅通|监控|不停|随时|“?全天)")


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
_RATIO_CUE = re.compile(r"结构|比例|之比|比重|构成")


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


_PER_UNIT = {"亩均": "亩", "每亩": "亩", "日均": "日"}
_PER_UNIT_BEFORE = re.compile(r"(?P<per>亩均|每亩|日均)[^,，。;；\d]{0,12}$")


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
            a.unit = f"{a.unit}/{_PER_UNIT[per.group('per')]}"
        if a.unit == "%" and a.qualifier == "exact":
            share = _SHARE_OF.search(text, _clause_start(text, a.start), a.start)
            if share is not None:
                a.qualifier = QUALIFIER_OF[share.group("q")]
        kept.append(a)
    return kept


_MONEY_WORDS = re.compile(r"(?:投资|产值|收入|营收|税收|资金|生产总值|GDP|总额|销售额|利润|资产|成交额|贷款|存款|融资|出口额|进口额|金额|财政|消费|零售|额)")
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


# --- sentences and clauses -------------------------------------------------------------

def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _SENTENCE.finditer(text):
        if m.end() > m.start():
            spans.append((m.start(), m.end()))
    return spans


def _sentence_start(text: str, pos: int) -> int:
    i = pos - 1
    while i >= 0 and text[i] not in "。！？!?；;":
        i -= 1
    return i + 1


def _clause_start(text: str, pos: int, floor: int = 0) -> int:
    i = pos - 1
    while i >= floor:
        if _CLAUSE_BREAK.match(text, i):
            return i + 1
        i -= 1
    return floor


def _clause_end(text: str, pos: int, ceiling: int) -> int:
    m = _CLAUSE_BREAK.search(text, pos, ceiling)
    return m.start() if m else ceiling


# --- kinds -----------------------------------------------------------------------------

def _change(text: str, a: _Atom, floor: int) -> str | None:
    """'up' or 'down' when the words right before the figure make it a change."""
    before = text[max(floor, a.start - 8):a.start]
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
    if _COMPARED_NEW.search(before):
        return "up"
    m = _RATE_WORD.search(before)
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


def _target_cue(text: str, a: _Atom, sent_start: int, full_start: int,
                figure_starts: list[int]) -> tuple[str, int] | None:
    """The cue of intent (力争, 计划, 预计, 建成后 …) that makes the figure a target, with its
    position; None when there is none or a word of accomplishment (已, 目前, 截至) overtakes it.

    Cues are looked for in the figure's sentence part; a cue that opens a list of goals
    (今年主要预期目标是：A增长6.5%；B增长7%；…) also covers the later parts of its sentence
    up to the full stop."""
    if a.magnitude:
        return "级", a.start
    if _PLEDGE_AFTER.match(text, a.end):
        return "实事", a.end
    clause = _clause_start(text, a.start, sent_start)
    aim = _AIM_AFTER.match(text, a.end)
    if aim is not None and "以" in text[clause:a.start]:
        return "目标", aim.end() - 2  # 以营收突破100亿元为目标: the figure is the aim itself
    cue = _cue_in_part(text, a, clause, sent_start, full_start, figure_starts)
    if cue is not None:
        return None if _DONE_CUE.search(text, cue.end(), a.start) else (cue.group(), cue.start())
    if full_start >= sent_start:
        return None
    return _list_cue(text, a, sent_start, full_start, figure_starts)


def _cue_in_part(text: str, a: _Atom, clause: int, sent_start: int, full_start: int,
                 figure_starts: list[int]) -> re.Match[str] | None:
    """The last cue of intent before the figure in its own sentence part, if it binds the figure."""
    cue = None
    # 完成全年目标任务27500万吨的52.1%: the goal named is the whole the share is taken of
    plan = _PLAN_SHARE.search(text, clause, a.start) if a.unit == "%" else None
    for m in _TARGET_CUE.finditer(text, sent_start, plan.start() if plan is not None else a.start):
        if not _quoted(text, m.start(), full_start) and not _not_a_goal_cue(text, m, a, sent_start):
            cue = m
    if cue is not None and _plan_of_its_own_clause(text, cue, a, figure_starts):
        return None
    return cue


def _list_cue(text: str, a: _Atom, sent_start: int, full_start: int,
              figure_starts: list[int]) -> tuple[str, int] | None:
    """A cue in an earlier part of the sentence that opens a list of goals running on to the figure."""
    cue = None
    for m in _TARGET_CUE.finditer(text, full_start, sent_start):
        if not _quoted(text, m.start(), full_start) and not _not_a_goal_cue(text, m, a, full_start):
            cue = m
    if cue is None or not _LIST_TARGET_CUE.match(cue.group()) or _LIST_BREAK.search(text, cue.end(), a.start):
        return None
    if not _LIST_COLON.match(text, cue.end()) and not _heads_its_part(text, cue, sent_start, figure_starts):
        return None
    return cue.group(), cue.start()


def _heads_its_part(text: str, cue: re.Match[str], sent_start: int, figure_starts: list[int]) -> bool:
    """Without a colon the cue opens a list only when it heads its part of the sentence and
    figures follow it there (力争营收增长10%；税收增长8%); one after its part's figures
    (一期投资45亿元，…，计划2019年底建成投产；) or with none after it binds only its own part."""
    part_end = _PART_END.search(text, cue.end(), sent_start)
    first = bisect.bisect_left(figure_starts, _sentence_start(text, cue.start()))
    after = bisect.bisect_left(figure_starts, cue.end())
    if (first < len(figure_starts) and figure_starts[first] < cue.start()) or part_end is None \
            or after >= len(figure_starts) or figure_starts[after] >= part_end.start():
        return False
    return True


def _plan_of_its_own_clause(text: str, cue: re.Match[str], a: _Atom, figure_starts: list[int]) -> bool:
    """总投资898.2亿元，年内计划完成投资86亿元，开复工项目25个: 计划 or 拟 with a figure of
    its own in its clause plans that figure only; the clauses after it report."""
    if cue.group() not in ("计划", "拟"):
        return False
    cue_end = _clause_end(text, cue.end(), a.start)
    if cue_end >= a.start:
        return False
    i = bisect.bisect_left(figure_starts, cue.end())
    return i < len(figure_starts) and figure_starts[i] < cue_end


# Part of a plan done (完成全年目标任务27500万吨的52.1%, 完成年度计划的56.3%, 占全年任务的八成).
_PLAN_SHARE = re.compile(r"(?:完成|占|达到|达|实现|为|超过)了?[^,，。;；\d]{0,12}?(?:目标|计划|任务|预算|指标)"
                         r"[^,，。;；]{0,16}?的$")


# A clause naming the aim work is done for (以打造一流营商环境为目标，围绕…目标，为实现…目标，):
# it sets the scene for the results after it and makes none of them a goal.
_AIM_CLAUSE_HEAD = re.compile(r"(?:以|围绕|为实现|为了实现|为了|为|按照|对照|朝着|向着|紧扣|锚定|瞄准|聚焦|坚持|紧盯|根据)")
# 将 as the marker of the object (园区将企业开办时间压缩至4小时以内 = 把…压缩至): a result when
# nothing else in the sentence looks ahead. 将 before a verb or an adverb looks ahead (将建成, 将进一步压缩).
_DISPOSAL_VERB = re.compile(r"(?:压缩|缩短|缩减|降低|降|提高|提升|提|增加|扩大|减少|控制|缩小|延长|放宽|下调|上调|精简|调整)(?:至|到|为|在)")
_FUTURE_AFTER_JIANG = re.compile(
    r"(?:进一步|继续|持续|全面|力争|努力|加快|加大|逐步|陆续|再|可|会|于|在|实现|达到|建成|新增|带动|形成|突破|超过|有|成为|是|为"
    r"|新建|投资|完成|全部|不断|大力|重点|着力|集中|主要|每年|年|累计|提供|吸纳|解决|增加|提高|提升|降低|压缩|缩短|开工|投产|使|让"
    r"|推动|推进|打造|建设|实施|启动|开展|引进|达|按|以|从|由|重新|积极|统筹|确保|争取|用|通过|坚持|围绕|聚焦|迎来|直接|更|大大|显著)")


_COMPARED_WITH_GOAL = re.compile(r"(?:高于|低于|超过|超出|超|比|较|差|落后|快于|慢于|塌|距离|距)(?:年度|年初|全年)?$")


def _not_a_goal_cue(text: str, cue: re.Match[str], a: _Atom, floor: int) -> bool:
    """Words _TARGET_CUE finds that do not make this figure a goal: 目标 in a clause of aim of its
    own (以…为目标，), 将 marking the object of a verb that reports a result (将…压缩至)."""
    word = cue.group()
    if word == "计划" and (_PROGRAMME_AFTER.match(text, cue.end())
                         or _PROGRAMME_BEFORE.search(text, max(0, cue.start() - 2), cue.start())):
        return True  # 人才计划入选者, 千人计划专家: the name of a programme, not an intention
    if word.startswith("目标") and _COMPARED_WITH_GOAL.search(text, max(0, cue.start() - 3), cue.start()):
        return True  # 高于目标2.1个百分点, 比目标低…: the goal is the base of a comparison
    if word.startswith("目标"):
        clause = _clause_start(text, cue.start(), floor)
        clause_end = _clause_end(text, cue.end(), len(text))
        return clause_end < a.start and text[clause_end:clause_end + 1] in (",", "，") \
            and _AIM_TAIL.fullmatch(text, cue.end(), clause_end) is not None \
            and _AIM_CLAUSE_HEAD.match(_FILLER_HEAD.sub("", text[clause:cue.start()])) is not None
    if word == "将":
        rest_end = _clause_end(text, cue.end(), len(text))
        if rest_end < a.start or _FUTURE_AFTER_JIANG.match(text, cue.end()) \
                or _LOOKING_AHEAD.search(text, _full_sentence_start(text, cue.start()), a.start):
            return False
        verb = _DISPOSAL_VERB.search(text, cue.end() + 1, a.start)
        return verb is not None and verb.end() <= a.start
    return False


# 计划 as part of the name of a programme (国家级人才计划入选者, 千人计划专家, 引智计划项目库):
# who was selected under it or the list it keeps, said with no intention.
_PROGRAMME_AFTER = re.compile(r"入选|专家|人选|人才|项目库")
_PROGRAMME_BEFORE = re.compile(r"(?:人才|千人|万人|引智|行动|专项|星火|火炬)$")
_AIM_AFTER = re.compile(r"[^,，。;；:：]{0,12}?为(?:目标|奋斗目标|发展目标)")
_AIM_TAIL = re.compile(r"(?:要求|任务|导向|定位)?")
# Words that put a sentence in the future, where 将 keeps its sense of "will" (下一步将…压缩至).
_LOOKING_AHEAD = re.compile(r"下一步|今后|明年|未来|接下来|下阶段|下一阶段|年底前|月底前|之前|以前|后续|届时|力争|争取|计划|预计|确保|目标")
_FILLER_HEAD = re.compile(r"^[^以围为按对朝向紧锚瞄聚坚根]{0,12}?(?=以|围绕|为|按照|对照|朝着|向着|紧扣|锚定|瞄准|聚焦|坚持|紧盯|根据)")


_QUOTES = (("“", "”"), ("《", "》"), ("「", "」"), ("『", "』"), ("〈", "〉"), ('"', '"'))
# A quoted name is short and has no sentence punctuation in it (“高端人才聚集计划”); a quotation
# of speech (“下一步，我们要……确保…突破180亿元。”) keeps its cues. Titles in 书名号 run longer.
_NAME_MAX = {"《": 40, "〈": 40}
_QUOTED_NAME_MAX = 15
_SPEECH_PUNCT = re.compile(r"[,，。;；:：!！?？…]")


def _quoted(text: str, pos: int, floor: int) -> bool:
    """Whether pos stands inside a short quoted name or a title in 书名号 opened after floor:
    “高端人才聚集计划”, 《行动计划》 are names, and the words in them are no cues."""
    for open_, close in _QUOTES:
        o = text.rfind(open_, floor, pos)
        if o < 0:
            continue
        if open_ == close:
            if text.count(open_, floor, pos) % 2 == 0:
                continue
        elif text.rfind(close, o, pos) >= 0:
            continue
        c = text.find(close, pos)
        if c < 0:
            return False  # a quotation running on past the text: speech, not a name
        inner = text[o + 1:c]
        return len(inner) <= _NAME_MAX.get(open_, _QUOTED_NAME_MAX) and _SPEECH_PUNCT.search(inner) is None
    return False


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
    if mention is not None and (mention.start > at or _standalone(text, mention, full_start)
                                or mention.start >= _clause_start(text, at, full_start)):
        if mention.kind == "years" and mention.period is not None and mention.period.end < ctx.published:
            return mention.period  # 预计2015-2017年年均增长12% written in 2019: years gone by
        if mention.period is None or mention.kind not in ("span", "asof", "since", "prior"):
            return None
        if mention.kind == "since" and (date(mention.period.end.year, 12, 31) - mention.period.end).days > 92:
            return None  # 今年预计… in August looks ahead to the rest of the year
        period = mention.period
        if mention.kind == "since" and (period.start.month, period.start.day) == (1, 1):
            return year_span(period.start.year, period.label)  # 今年预计… in December: the whole year
        return period
    clause = _clause_start(text, at, full_start)
    if _PROJECTION.search(text, at, a.start) or _PROJECT_SUBJECT.search(text, clause, at):
        return None  # 项目预计年产值10亿元, 建成后预计可带动就业500人: what a project will bring
    published = ctx.published
    frame = ctx.framing()
    if (published.month, published.day) >= _YEAR_CLOSING and (frame is None or frame.start.year == published.year):
        return year_span(published.year, "预计")  # 前三季度，…。预计达到… in December: the whole year
    if frame is not None and frame.end < published and published.month <= 3 and frame.end.year == published.year - 1:
        return frame  # 2022年，全县经济回升。…预计增长4% in January 2023
    if frame is None and published.month <= _EARLY_ESTIMATE_MONTHS:
        return year_span(published.year - 1, "预计")  # a January work report: 预计地区生产总值… of the year just closed
    return None


# Until the statistics of the year are out (end of February), 预计 with no time phrase speaks of the year just closed.
_EARLY_ESTIMATE_MONTHS = 2
# From this day on, an estimate with no time phrase (预计达到…) is of the year about to close.
_YEAR_CLOSING = (11, 15)
_PROJECTION = re.compile(r"建成|投产|达产|达效|投用|运营|竣工|满产|年产|年可|每年|年均|带动|届时|总投资|可|将|后")
_PROJECT_SUBJECT = re.compile(r"项目|工程|基地|园区建成|生产线")


def _full_sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding pos begins when only full stops end sentences (not ；)."""
    i = pos - 1
    while i >= 0 and text[i] not in "。！？!?":
        i -= 1
    return i + 1


def _obtained(text: str, cue_at: int, clause_start: int, period: Period | None, ctx: _Context) -> bool:
    """争取上级资金1.2亿元 reports money won, not a goal, when the clause counts a result
    (共争取, 累计争取, 争取到) or the period it stands in is over (2013年, 今年以来) or the
    section reviews past work."""
    if text.startswith(("争取到", "争取了"), cue_at):
        return True
    if _RESULT_WORD.search(text, clause_start, cue_at):
        return True
    if period is not None and period.end <= ctx.published:
        return True
    return ctx.review


# --- periods ---------------------------------------------------------------------------

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


_ENUMERATION = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}是|[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[、.)](?!\d))\s*")


def _sentence_head(text: str, start: int) -> int:
    """Where a sentence's own words begin, after an enumeration mark such as （一） or 一是."""
    m = _ENUMERATION.match(text, start)
    return m.end() if m else start


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


def _standalone(text: str, mention: TimeMention, sent_start: int) -> bool:
    """A time phrase that opens its sentence (全年完成… / 2021年该产业…) or is a clause of
    its own (今年以来， / 截至9月底，) frames the rest of the paragraph; one inside a clause
    (申报2021年…项目) only the words after it in its own sentence part."""
    if mention.kind == "base" or mention.period is None:
        return False
    head_end = _sentence_head(text, sent_start)
    if mention.start == head_end:
        return True
    lo = _clause_start(text, mention.start, sent_start)
    if _FRAME_HEAD.fullmatch(text, lo, mention.start) is not None and text[mention.end:mention.end + 1] in (",", "，"):
        return True
    # 在2017年度全省开发区综合考评中，…；…: a scene-setting clause opening the sentence
    return lo == head_end and _SCENE.fullmatch(text, lo, _clause_end(text, mention.end, len(text))) is not None


_SCENE = re.compile(r"(?:在|于)[^,，;；。]{0,30}(?:中|里|上|期间|过程中|之际)")


# --- subjects and sectors --------------------------------------------------------------

SECTORS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("汽车", ("汽车", "整车", "零部件")),
    ("生物医药", ("医药", "生物", "制药", "医疗器械", "药品")),
    ("新材料", ("新材料",)),
    ("新能源", ("新能源", "光伏", "风电", "氢能", "储能")),
    ("高端装备", ("装备", "管道", "机械")),
    ("电子信息", ("电子信息", "数字经济", "大数据", "软件", "集成电路")),
    ("营商环境", ("营商环境", "审批", "政务服务", "办税", "放管服", "店小二", "市场主体")),
    ("招商引资", ("招商", "引资", "签约", "招才引智", "外资", "项目建设")),
    ("生态环境", ("大气", "空气质量", "水环境", "水质", "土壤", "污染", "生态环境", "环保", "PM", "碳排放", "节能", "减排")),
    ("城市环境", ("市容", "城市环境", "容貌", "保洁", "垃圾", "违建", "清扫", "城市管理")),
    ("民生", ("民生", "教育", "学校", "养老", "就业", "医疗", "住房", "棚户", "公交", "社保", "居民收入", "幼儿园", "城中村", "医院")),
    ("经济总量", ("生产总值", "GDP", "经济总量")),
    ("工业", ("工业", "规上", "规模以上", "制造业")),
    ("固定资产投资", ("固定资产投资",)),
    ("消费", ("消费", "零售")),
    ("外贸", ("进出口", "出口", "外贸", "进口")),
    ("财政", ("财政", "税收", "一般公共预算")),
    ("金融", ("存款", "贷款", "金融")),
    ("农业", ("农业", "粮食", "农村", "畜牧", "种植")),
    ("科技创新", ("科技", "高新技术", "专利", "研发投入")),
    ("交通物流", ("物流", "港口", "交通", "铁路", "公路", "航运", "吞吐量")),
    ("文化旅游", ("旅游", "文旅", "游客")),
    ("房地产", ("房地产", "商品房")),
)


def sector_of(*texts: str | None) -> str:
    """The first sector whose keywords appear in the texts, tried in order of preference."""
    for text in texts:
        if not text:
            continue
        for sector, words in SECTORS:
            if any(w in text for w in words):
                return sector
    return ""


# Words of a clause that say when or how a figure came about rather than what it measures.
_SUBJECT_TIME = re.compile(
    r"(?:截至|截止到|截止|到)?(?:(?:19|20)\d{2}年(?:度)?|今年|去年|上年|本年|前年)?"
    r"(?:\d{1,2}\s*[-—–~至到]\s*\d{1,2}月份?|前[一二三四五六七八九十\d]{1,2}个?月|[一二三四1-4]季度|前三季度|上半年|下半年"
    r"|\d{1,2}月(?:\d{1,2}[日号])?(?:份|底|末|初)?|全年|年底|年末|年初)?(?:以来|至今|期间|时期)?"
    r"|(?:截至|截止)?(?:目前|当前|如今|现在)|“?十[一二三四五]五”?(?:期间|时期|以来|末)?|近[一二两三四五\d]年")
_SUBJECT_HEAD = re.compile(
    r"^(?:其中|同时|另外|此外|而且|并且|以及|另有|这些|上述|通过|经过|全年|已经|已有|已|共计|共有|共|合计|累计|总计"
    r"|拥有|实现|完成|达到|达|有|为|是|对|在|将|于|力争|争取|确保|力求|努力|计划|预计|预期|拟|使)+")
_SUBJECT_TAIL = re.compile(
    r"(?:分别为|分别|达到|达|为|是|约为|约|共计|合计|共|累计|实现|完成|现有|已有|拥有|有|的|近|超过|超|逾|到|至|在|了|突破|均|总计|已"
    r"|预计|预期)+$")
_INNER_VERB = re.compile(r"(?:实现|完成|达到|累计)(?=..)")
# 比上年, 同比, 较年初: the base of a change, said again by the suffix of the subject.
_BASE_PHRASE = re.compile(
    r"同比|环比|(?:比(?![重例率值])|较)[^,，。；;]{1,10}?"
    r"(?=增|减|提|降|下降|下滑|上升|回|扩|缩|加|收|改|多|少|高|低|快|慢|持平)|与[^,，。；;]{1,10}?相比")
_CHANGE_WORDS = re.compile(
    r"(?:增长|增加|下降|减少|提高|降低|回落|上升|提升|扩大|收窄|改善|加快|放缓|增速|增幅|降幅|涨幅|新增|净增|多|少"
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
SUBJECT_MAX = 20
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


def _cap(subject: str) -> str:
    """A subject trimmed to read as a phrase: no stray quotes or unbalanced brackets, and when
    too long, cut after a list mark or 的 rather than inside a word or a name."""
    subject = subject.replace("\t", "").strip(" ,，、;；:：。“”\"'‘’")
    subject = _unbalanced(subject)
    if len(subject) > SUBJECT_MAX:
        tail = subject[-SUBJECT_MAX:]
        cut = max(tail.rfind(c) for c in "、，,的之及和与")
        subject = tail[cut + 1:] if 0 <= cut < SUBJECT_MAX - 3 else tail
        subject = subject.lstrip("的之")
    return subject


_BRACKETS = {"(": ")", "（": "）", "《": "》", "“": "”", "【": "】"}


def _unbalanced(subject: str) -> str:
    """Drop a bracket whose partner is outside the subject: (新建 -> 新建, 续建) -> 续建."""
    for left, right in _BRACKETS.items():
        if subject.count(left) != subject.count(right):
            subject = subject.replace(left, "").replace(right, "")
    return subject.strip()


CLASSIFIER_UNITS = frozenset({"家", "个", "项", "条", "名", "人", "户", "种", "台", "套", "台套", "辆", "件", "所", "座",
                              "栋", "幢", "处", "间", "张", "艘", "架", "只", "头", "棵", "株", "位", "场", "次",
                              "篇", "部", "块", "宗", "起", "例", "份", "盏", "支", "人次", "笔", "批次", "批", "单",
                              "册", "辆次", "架次", "艘次", "航次", "班次", "车次", "列次", "趟次", "户次", "家次",
                              "件次", "台次", "场次", "项次", "列", "轮"})


# --- tables --------------------------------------------------------------------------

CELL = "\t"   # the reader puts a tab between the cells of a table row
_SIGNED_NUMBER = re.compile(rf"(?P<sign>[-−–])?(?P<num>{ARABIC})")
# A cell holding a figure, with the signs and words statistics tables put around numbers:
# 600以上, 8左右, 3以内, 约5, ≥90, -2.4, 386.2亿元.
_CELL_VALUE = re.compile(
    rf"(?P<pre>{_PRE}|≥|≤|>|<)?\s*(?P<sign>[-−–])?(?P<num>{ARABIC})(?P<mult>{MULTIPLIER_RUN})?"
    rf"(?P<unit>{_UNIT_ALT})?(?P<per>/(?:{_PER}))?(?P<post>{_POST})?")
_SYMBOL_QUALIFIER = {"≥": "at_least", "≤": "at_most", ">": "more_than", "<": "less_than"}
# Cells of a data row that hold no figure: a dash for no value, a task in words, the kind of
# indicator (预期性 / 约束性). They mark the row as data, not as a header.
_CELL_WORDS = re.compile(r"[—–\-/／…─]+|[预约][期束]性|完成[^\t]{0,10}任务|[^\t]{0,6}(?:持续|稳步|逐步)[^\t]{0,6}")
_UNIT_IN_LABEL = re.compile(
    rf"[(（](?:单位[:：]\s*)?(?P<mult>{MULTIPLIER_RUN})?(?P<unit>{_UNIT_ALT})(?P<per>/(?:{_PER}))?[)）]\s*$")
_BARE_UNIT = re.compile(rf"(?P<mult>{MULTIPLIER_RUN})?(?P<unit>{_UNIT_ALT})(?P<per>/(?:{_PER}))?")
_CHANGE_HEADER = re.compile(r"增长|增速|增幅|降幅|同比|比上年|比去年|变化|增减|降低|下降|减少")
_DOWN_HEADER = re.compile(r"降幅|降低|下降|减少")
# A column header that is a year (2021, 2021年, 2021年度): the period of the cells below it.
_YEAR_HEADER = re.compile(r"(?P<year>(?:19|20)\d{2})\s*(?:年度?)?(?:\s*[(（][^)）]*[)）])?")
# A column of goals: 2025年目标, 目标值, 规划目标, 2022年计划 (not 规划面积, a measure).
_TARGET_HEADER = re.compile(r"(?:规划|计划|预期|发展)?(?:目标|规划|计划)(?:值|数|数值|任务)?|预期值|规划期末")
_HEADER_YEAR = re.compile(r"(?:19|20)\d{2}\s*年?度?(?:末|底)?")
_YEAR_IN_HEADER = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?!\d)")


@dataclass(frozen=True)
class _Column:
    """What a table's header says about one column."""

    name: str
    factor: Decimal | None
    unit: str | None
    period: Period | None
    change: bool
    unit_column: bool
    target: bool = False                # the cells below are goals (2025年目标, 目标值)
    horizon: Period | None = None       # ... to be met by this time (None: some time ahead)


def _cells(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for cell in text.split(CELL):
        lead = len(cell) - len(cell.lstrip())
        out.append((pos + lead, cell.strip()))
        pos += len(cell) + 1
    return out


def _unit_in(label: str) -> tuple[str, Decimal | None, str | None]:
    """'签约总投资(亿元)' -> ('签约总投资', 10**8, '元')."""
    m = _UNIT_IN_LABEL.search(label)
    if not m:
        return label, None, None
    name = label[:m.start()].strip()
    factor = multiplier(m.group("mult")) if m.group("mult") else Decimal(1)
    return name, factor, _label_unit(m)


def _label_unit(m: re.Match[str]) -> str:
    unit = UNITS[m.group("unit")]
    return f"{unit}{m.group('per')}" if m.group("per") else unit


def _header(cells: list[tuple[int, str]], published: date) -> list[_Column]:
    columns = []
    for _, cell in cells:
        name, factor, unit = _unit_in(cell)
        year = _YEAR_HEADER.fullmatch(cell)
        period = year_span(int(year.group("year")), cell) if year else _first_period(cell, published)
        named = _YEAR_IN_HEADER.search(cell)
        ahead = named is not None and still_ahead("span", year_span(int(named.group("year"))), published)
        goal = _TARGET_HEADER.fullmatch(_HEADER_YEAR.sub("", name).strip()) is not None
        if goal or (ahead and (year is not None or period is None)):
            # 2025年目标, 2025年 in 2021, 目标值: the cells are goals, dated by the year if any
            horizon = year_span(int(named.group("year")), cell) if named else None
            columns.append(_Column(name, factor, unit, None, False, False, target=True, horizon=horizon))
            continue
        if period is None and named is not None:
            period = year_span(int(named.group("year")), cell)  # 2020年现状值, 2020年基期
        columns.append(_Column(name, factor, unit, period, bool(_CHANGE_HEADER.search(cell)), cell == "单位"))
    return columns


def _is_header(cells: list[tuple[int, str]], header: list[_Column] | None = None) -> bool:
    """Whether a row names the columns. With a header already in force, only a row of years
    with no values starts a new one (a data row of words, 完成省下达任务, stays data)."""
    rest = [c for _, c in cells[1:] if c]
    if not rest:
        return False
    values = sum(1 for c in rest if _CELL_VALUE.fullmatch(c) or _CELL_WORDS.fullmatch(c))
    years = rest and _unit_in(cells[0][1])[2] is None \
        and all(_YEAR_HEADER.fullmatch(c) or re.match(r"(?:19|20)\d{2}\s*年", c) for c in rest)
    if header is not None:
        return values == 0 and any(_YEAR_IN_HEADER.search(c) or "目标" in c for c in rest) \
            and (bool(years) or sum(1 for c in rest if _SIGNED_NUMBER.fullmatch(c)) * 2 < len(rest))
    if years:
        return True  # 指标 | 2019 | 2020 | 2021年1-6月: years head the columns, they are not values
    return values * 2 < len(rest)


def _table_row(article: Article, block: _Block, header: list[_Column] | None, ctx: _Context,
               figures: list[Figure]) -> list[_Column] | None:
    """Figures from the numbers of one table row; returns the header for the rows below."""
    cells = _cells(block.paragraph.text)
    if len(cells) < 2:
        return header
    if _is_header(cells, header):
        return _header(cells, ctx.published)
    if header is None:
        return None
    if len(header) < len(cells):
        # A header row that leaves the label column's cell out (| | 2019 | 2020 |, or a
        # reader that dropped the empty cell) heads the rightmost columns.
        blank = _Column("", None, None, None, False, False)
        header = [blank] * (len(cells) - len(header)) + header
    label, label_factor, label_unit = _unit_in(cells[0][1])
    row_factor, row_unit = _row_unit(header, cells, label_factor, label_unit)
    for column, (pos, cell) in list(zip(header, cells))[1:]:
        m = _CELL_VALUE.fullmatch(cell)
        if not m or column.unit_column:
            continue
        factor, unit = _cell_unit(m, column, row_factor, row_unit)
        if unit is None or factor is None:
            continue
        figures.append(_cell_figure(article, block, ctx, label, column, pos, cell, m, factor, unit))
    return header


def _row_unit(header: list[_Column], cells: list[tuple[int, str]], factor: Decimal | None,
              unit: str | None) -> tuple[Decimal | None, str | None]:
    """The multiplier and unit of a row: its label's (签约总投资(亿元)), or a 单位 column's cell."""
    for column, (_, cell) in zip(header, cells):
        if column.unit_column:
            m = _BARE_UNIT.fullmatch(cell)
            if m:
                factor = multiplier(m.group("mult")) if m.group("mult") else Decimal(1)
                unit = _label_unit(m)
    return factor, unit


def _cell_unit(m: re.Match[str], column: _Column, row_factor: Decimal | None,
               row_unit: str | None) -> tuple[Decimal | None, str | None]:
    """The multiplier and unit of a cell's number: its own, else the column's, else the row's;
    (None, None) when the cell holds no figure (三成, 5万/年)."""
    if m.group("unit"):
        # 386.2亿元 in the cell: the cell's own unit wins over the row's
        factor = multiplier(m.group("mult")) if m.group("mult") else Decimal(1)
        unit = UNITS[m.group("unit")] + (m.group("per") or "")
        if unit == "成":
            return None, None
        return factor, unit
    if m.group("mult") and m.group("per"):
        return None, None
    factor, unit = (column.factor, column.unit) if column.unit else (row_factor, row_unit)
    if m.group("mult") and factor is not None:
        factor = factor * multiplier(m.group("mult"))
    return factor, unit


def _row_period(label: str, published: date) -> Period | None:
    """A row labelled by a year (年份 | 产值（亿元） | …, the table turned on its side)."""
    year = _YEAR_HEADER.fullmatch(label)
    if year:
        return year_span(int(year.group("year")), label)
    return _first_period(label, published) if label else None


def _cell_qualifier(m: re.Match[str]) -> str:
    pre, post = m.group("pre"), m.group("post")
    if pre:
        return _SYMBOL_QUALIFIER.get(pre) or QUALIFIER_OF[pre]
    if post:
        return QUALIFIER_OF[post]
    return "exact"


def _cell_figure(article: Article, block: _Block, ctx: _Context, label: str, column: _Column, pos: int,
                 cell: str, m: re.Match[str], factor: Decimal, unit: str) -> Figure:
    value = (parse_arabic(m.group("num")) or Decimal(0)) * factor
    negative = m.group("sign") is not None
    # 产值增速（%） as a row label makes every cell of the row a growth rate, as a header does a column.
    change = column.change or unit in ("百分点", "基点") or bool(_CHANGE_HEADER.search(label))
    down = negative or bool(_DOWN_HEADER.search(label)) or bool(_DOWN_HEADER.search(column.name))
    if column.target:
        kind, direction = "target", None
        if negative and not change:
            value = -value
        period: Period | None = column.horizon
    else:
        kind = "change" if change else ("share" if unit == "%" else "level")
        direction = ("down" if down else "up") if change else None
        if negative and not change:
            value = -value
        period = column.period or _row_period(label, ctx.published) or (ctx.frame.period if ctx.frame else None) \
            or ctx.section or ctx.fallback or default_period(ctx.published)
        if period.end > ctx.published and period.start <= ctx.published and column.period is None:
            period = default_period(ctx.published)
    para = block.paragraph
    start, end = para.source_span(pos, pos + len(cell))
    row_start, row_end = para.source_span(0, len(para.text))
    subject = label if column.period is not None or not column.name else f"{label}{column.name}"
    return Figure(
        start=start, end=end, text=article.source[start:end], value=_number(value), unit=unit,
        qualifier=_cell_qualifier(m), kind=kind, direction=direction,
        period_start=period.start.isoformat() if period else None,
        period_end=period.end.isoformat() if period else None, period_label=(period.label or None) if period else None,
        subject=subject, sector=sector_of(label, column.name, block.section, article.title),
        section=block.section, paragraph=block.index, sentence=para.text,
        sentence_start=row_start, sentence_end=row_end,
        why_kind=f"table cell: {kind} from the column and row headers",
        why_period=_why_cell_period(column.period, period),
    )


# --- blocks ----------------------------------------------------------------------------

def _blocks(article: Article) -> list[_Block]:
    blocks: list[_Block] = []
    title = _title_block(article)
    if title is not None:
        blocks.append(title)
    for h in article.headings:
        blocks.append(_Block(h, 0, h.text, heading=True))
    for p in article.paragraphs:
        blocks.append(_Block(p, p.index, p.section))
    blocks.sort(key=lambda b: b.paragraph.offsets[0] if b.paragraph.offsets else 0)
    return blocks


_FRONT_MATTER_END = re.compile(r"\A\ufeff?---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def _title_block(article: Article) -> _Block | None:
    """The title line of a plain or e-paper text, when it is not already a heading."""
    title = (article.title or "").strip()
    if not title or article.format not in ("epaper-text", "text", "markdown"):
        return None
    if any(h.text == title for h in article.headings):
        return None
    body_start = min((p.offsets[0] for p in article.paragraphs if p.offsets), default=len(article.source))
    front = _FRONT_MATTER_END.match(article.source) if article.format == "markdown" else None
    pos = article.source.find(title, front.end() if front else 0, body_start)
    if pos < 0:
        return None
    para = _folded_paragraph(article.source, pos, pos + len(title))
    return _Block(para, 0, None, heading=True) if para.text.strip() else None


def _folded_paragraph(source: str, start: int, end: int) -> Paragraph:
    """source[start:end] (one line) as a Paragraph, folded as the reader folds body text."""
    from ingest import reader  # the reader owns folding; import late to keep module load light

    text = "".join(reader.fold(ch) for ch in source[start:end])
    to_simplified = getattr(reader, "to_simplified", None)
    if to_simplified is not None:
        simplified = to_simplified(text)
        if len(simplified) == len(text):
            text = simplified
    return Paragraph(index=0, text=text, offsets=tuple(range(start, end)), section=None)


@dataclass
class _Passage:
    """What the article and the paragraphs read so far leave for the next paragraph."""

    period: Period | None                  # the title's period or the lead paragraph's frame
    title: Period | None                   # the closed reporting period the title names
    event: tuple[Period, str] | None       # the event the article reports, its verb
    year: int | None                       # the last year named (for 当年, 至年底)
    frame_year: int | None                 # the last year the paragraphs were framed by
    carried: Period | None = None          # the year-to-date window of the paragraph before

    @classmethod
    def of(cls, article: Article, blocks: list[_Block]) -> _Passage:
        published = article.published
        # 丹寨县2015年国民经济和社会发展统计公报: a title naming one year makes it the passage's year
        title_year = last_named_year(find_time_mentions(article.title or "", published))
        return cls(period=_first_period(article.title or "", published) or _lead_frame(blocks, published),
                   title=_title_report_period(article.title or "", published),
                   event=_article_event(blocks, published), year=title_year, frame_year=title_year)

    def follow(self, block: _Block, ctx: _Context) -> None:
        """Carry what a paragraph named and was framed by to the paragraphs after it."""
        self.year = ctx.named_year or self.year
        self.frame_year = ctx.framing_year or self.frame_year
        if not block.heading:
            self.carried = _year_to_date(ctx.frame, ctx.published) or self.carried


def extract_figures(article: Article) -> list[Figure]:
    """Every figure of the article, in document order."""
    blocks = _blocks(article)
    passage = _Passage.of(article, blocks)
    figures: list[Figure] = []
    contexts: dict[str | None, _Context] = {}
    header: list[_Column] | None = None
    previous: _Context | None = None
    for block in blocks:
        ctx = _block_context(article, block, passage, previous)
        figures.extend(_block_figures(article, block, ctx))
        passage.follow(block, ctx)
        if CELL in block.paragraph.text and not block.heading:
            header = _table_row(article, block, header, contexts.get(block.section) or ctx, figures)
        else:
            header = None
            if not block.heading:
                contexts[block.section] = ctx
                previous = ctx
    figures.sort(key=lambda f: (f.start, f.end))
    return figures


def _block_context(article: Article, block: _Block, passage: _Passage, previous: _Context | None) -> _Context:
    """The context a block's sentences start from: the passage so far, the section's period
    and goals, and for a paragraph opening with 其中 the figures that closed the one before."""
    published = article.published
    section_period = None if block.heading else _first_period(block.section or "", published)
    ctx = _Context(published, passage.period, section_period, title=passage.title,
                   review=bool(_REVIEW_WORD.search(f"{block.section or ''} {article.title or ''}")),
                   passage_year=passage.year, passage_frame_year=passage.frame_year, event=passage.event,
                   carried=passage.carried)
    if not block.heading:
        ctx.goal, ctx.goal_period = _goal_context(block.section, article.title, published)
        if ctx.goal and ctx.section is not None and ctx.section.end < published:
            ctx.goal = False  # 2021年发展目标完成情况 read in 2022: a look back
    if previous is not None and not block.heading and _BREAKDOWN.match(block.paragraph.text,
                                                                        _sentence_head(block.paragraph.text, 0)):
        # 其中，… opening a paragraph breaks down the figures that closed the one before.
        ctx.figure_period, ctx.last, ctx.frame = previous.figure_period, previous.last, previous.frame
    return ctx


@lru_cache(maxsize=256)
def _first_period(text: str, published: date) -> Period | None:
    """The period a heading or title speaks of (前三季度全省…); a full date there is a dateline, not a period."""
    for m in find_time_mentions(text, published):
        if m.kind in ("span", "since") and m.period is not None:
            return m.period
    return None


def _title_report_period(title: str, published: date) -> Period | None:
    """The reporting period a title names when it is over by the article's date (上半年全市
    开发区经济运行情况分析, 一季度…, 1-5月…, 2018年…工作总结): at most a calendar year, so
    that plans and runs of years (“十三五”成就, 近三年) do not count."""
    for m in find_time_mentions(title, published):
        if m.kind != "span" or m.period is None or m.window:
            continue
        p = m.period
        if p.start.year == p.end.year and p.end < published and p.start.year >= published.year - 1:
            return p
        return None
    return None


def _lead_frame(blocks: list[_Block], published: date) -> Period | None:
    """The time clause opening the article's first paragraph (今年前三季度，…): later change
    figures with no period of their own are read against it."""
    for block in blocks:
        if block.heading:
            continue
        text = block.paragraph.text
        for m in find_time_mentions(text, published):
            if m.kind in ("span", "since", "asof") and not _is_window(m) \
                    and _standalone(text, m, _sentence_start(text, m.start)):
                return m.period
        return None
    return None


# What a news report's event is: a ceremony or a batch of projects started, signed, finished.
_EVENT_VERB = re.compile(r"集中开工|集中签约|集中竣工|集中投产|开工|签约|竣工|投产|开业|揭牌|奠基|落户|开幕|举行|举办|召开")
_BATCH_AFTER = re.compile(r"[^,，。;；:：]{0,8}?(?:集中开工|集中签约|集中竣工|集中投产|开工|签约|竣工|投产)")
_SETTING_VERBS = frozenset({"举行", "举办", "召开"})  # name the occasion, not what happened at it
_BACK_REFERENCE = re.compile(r"此次|本次|这次|这批|该批|上述|这些项目")
_EVENT_SEARCH_BLOCKS = 4


def _article_event(blocks: list[_Block], published: date) -> tuple[Period, str] | None:
    """The event a news report is about, from its first paragraphs: a batch period naming the
    projects (2021年第四季度重点项目集中开工 → that quarter) or else the day a sentence opens
    with (昨天，…集中开工 / 12月1日上午，…举行…). Undated figures elsewhere in the article that
    name the same event (the headline repeated, 此次共有8个项目…) are dated by it."""
    day: tuple[Period, str] | None = None
    seen = 0
    for block in blocks:
        if block.heading:
            continue
        seen += 1
        if seen > _EVENT_SEARCH_BLOCKS:
            break
        text = block.paragraph.text
        for m in find_time_mentions(text, published):
            p = m.period
            if p is None or p.start > published or m.window:
                continue
            batch = _BATCH_AFTER.match(text, m.end)
            if batch is not None and m.kind in ("span", "horizon") and (p.end - p.start).days < 100:
                verb = _EVENT_VERB.search(batch.group())
                return p, verb.group() if verb else ""
            if day is None and m.kind == "asof" and p.start == p.end and (published - p.end).days <= 7 \
                    and _standalone(text, m, _sentence_start(text, m.start)):
                sent_end = _SENTENCE_END.search(text, m.end)
                verbs = _EVENT_VERB.findall(text, m.end, sent_end.start() if sent_end else len(text))
                if verbs:
                    day = (p, "|".join(verbs))
    return day


def _event_period(text: str, sent: tuple[int, int], ctx: "_Context") -> Period | None:
    """The event's period for an undated figure whose sentence names the event again."""
    if ctx.event is None:
        return None
    period, verb = ctx.event
    first = _SENTENCE_END.search(text)
    # the figure's sentence, or the paragraph's opening one (此次集中开工的项目…。其中，…), names it
    verbs = [v for v in verb.split("|") if v not in _SETTING_VERBS]
    for part in (text[sent[0]:sent[1]], text[:first.end() if first else len(text)]):
        if _BACK_REFERENCE.search(part) or any(v in part for v in verbs):
            return period
    return None


@dataclass
class _Context:
    """What a block's earlier sentences leave for later ones."""

    published: date
    fallback: Period | None                 # title or lead period, for change figures only
    section: Period | None = None           # 一、2015年工作回顾: the period of a whole section
    frame: TimeMention | None = None        # the latest time clause of its own (今年以来，) in the block
    last: TimeMention | None = None         # the time phrase in force at the end of the previous part
    last_local: bool = False                # ... and it was a local one (3月份 inside 一季度)
    horizon: TimeMention | None = None      # 到2025年, opening a paragraph of targets
    figure_period: Period | None = None     # the period of the last figure reported (not a target)
    opened: bool = False                    # the block's first sentence is behind
    review: bool = False                    # the section or title looks back on work done
    goal: bool = False                      # the section (or a plan article) sets goals: 二、2022年主要目标
    goal_period: Period | None = None       # ... and the horizon it names
    title: Period | None = None             # the closed reporting period the title names (上半年…运行情况)
    passage_year: int | None = None         # the last year the paragraphs before named (for 当年, 至年底)
    event: tuple[Period, str] | None = None  # the day or batch period of the event the article reports, its verb
    named_year: int | None = None           # ... and the last one this paragraph names, for the next
    passage_frame_year: int | None = None   # the last year the paragraphs before were framed by (2023年是…)
    carried: Period | None = None           # the year-to-date window that framed the paragraph before (1-10月，…)
    framing_year: int | None = None         # ... and the one this paragraph is framed by, for the next

    def framing(self) -> Period | None:
        """The period a figure with no time of its own falls back to in this block."""
        return self.frame.period if self.frame is not None else self.section or self.fallback


@dataclass
class _Pending:
    atom: _Atom
    kind: str
    direction: str | None
    period: Period | None
    target_period: Period | None
    subject: str
    sentence: tuple[int, int]
    why_kind: str = ""
    why_period: str = ""


def _block_figures(article: Article, block: _Block, ctx: _Context) -> list[Figure]:
    text = block.paragraph.text
    mentions = find_time_mentions(text, ctx.published, ctx.passage_year, ctx.passage_frame_year)
    ctx.named_year = last_named_year(mentions)
    ctx.framing_year = last_framing_year(text, mentions)
    atoms = _figure_atoms(text)
    if not atoms:
        return []
    scope = _Scope(mentions, [m.start for m in mentions])
    figure_starts = [a.start for a in atoms]
    sentences = _sentences(text)
    lead = text[sentences[0][0]:_clause_end(text, sentences[0][0], sentences[0][1])] if sentences else ""
    sector = sector_of(lead, block.section, text, article.title)
    pending: list[_Pending] = []
    ai = 0
    for sent in sentences:
        sent_atoms: list[_Atom] = []
        while ai < len(atoms) and atoms[ai].start < sent[1]:
            sent_atoms.append(atoms[ai])
            ai += 1
        if sent_atoms:
            pending.extend(_sentence_figures(text, sent, sent_atoms, scope, figure_starts, ctx))
        elif _FOUNDING_EVENT.search(text, sent[0], sent[1]):
            # 2005年3月，园区管委会挂牌成立。园区规划面积30平方公里: a date of an event with no
            # figure of its own dates that event only, not the description after it.
            ctx.opened = True
            continue
        _advance(ctx, text, scope, sent)
    return [_to_figure(article, block, p, sector) for p in pending]


def _event_day(period: Period | None, published: date) -> Period:
    """The day a figure's sentence is dated to when that is a single day (昨天, 12月1日, 当日),
    else the article's date: what a description of a thing is counted at."""
    if period is not None and period.start == period.end and period.end <= published:
        return period
    return default_period(published)


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


_FOUNDING_EVENT = re.compile(r"成立|挂牌|批准|获批|设立|组建|揭牌|开园|奠基|升级为|更名|划归|托管|启用|动工|建区|建园"
                             r"|始建|创建|创办|兴建|合署办公|建立")


# What a place is like: its area, length of coast or roads, population, the units it holds.
_PLACE_UNITS = frozenset({"平方公里", "公顷", "平方千米", "公里", "千米"})
_PLACE_WORDS = re.compile(r"面积|人口|岸线|海岸|辖|占地|长度|纵深|周长|宽|建成区|起步区|区域|范围")


def _describes_place(text: str, a: _Atom, s0: int) -> bool:
    clause = _clause_start(text, a.start, s0)
    if _CHANGE_OR_FLOW_NEAR.search(text, clause, a.start):
        return False
    return a.unit in _PLACE_UNITS or _PLACE_WORDS.search(text, clause, a.start) is not None


_CHANGE_OR_FLOW_NEAR = re.compile(r"新增|新建|完成|实现|增加|扩大|减少|开发了|征收|出让|供应|治理|绿化|改造|整治")


def _event_dated(text: str, own: TimeMention | None, ctx: "_Context", a: _Atom, s0: int) -> bool:
    """Whether the time in force is the date of an event (批准设立, 成立, 奠基…) told in another
    clause than the figure's."""
    mention = own if own is not None else ctx.frame
    if mention is None or mention.period is None or mention.kind not in ("span", "asof"):
        return False
    if mention.start >= _clause_start(text, a.start, s0):
        return False
    end = _clause_end(text, mention.end, a.start)
    return _FOUNDING_EVENT.search(text, mention.start, max(end, mention.end)) is not None \
        or _FOUNDING_EVENT.search(text, max(0, mention.start - 12), mention.start) is not None


def _is_window(m: TimeMention) -> bool:
    """近三年, 三年来, 五年累计: a run of years a figure was summed or averaged over. It dates
    its own sentence; it does not become the frame of the sentences after it."""
    return m.window > 0


def _plan_in_clause(m: TimeMention, text: str, sent_start: int) -> bool:
    """2020年，…，“十三五”期间年均增长7.8%；…: a plan period inside a clause dates that clause
    only; the next sentence part returns to the frame the sentence opened with."""
    return m.kind == "span" and m.period is not None and re.match(r"十[一二三四五]五", m.period.label) is not None \
        and not _standalone(text, m, sent_start)


def _local_year(m: TimeMention, text: str, ctx: _Context) -> bool:
    """今年新增… in the middle of a paragraph framed by 截至9月末，: a look at the year so far for
    one sentence; the frame stays. The same holds inside the sentence that set the frame
    (截至6月底，…，其中今年新增68家；开展业务的企业95家): the part after the semicolon returns to
    截至6月底."""
    return ctx.frame is not None and ctx.frame is not m and (ctx.opened or ctx.frame.start < m.start) \
        and m.period is not None and m.kind == "since" and m.period.label in ("今年", "本年")


def _advance(ctx: _Context, text: str, scope: _Scope, sent: tuple[int, int]) -> None:
    """Carry the time phrases of a finished part of a sentence to the parts after it.

    A time clause that opens the block, or one that is not inside the period already in
    force, frames the rest of the block. A single month or quarter met later inside that
    period (一季度，…。3月份增长…) is local: it dates its own sentence (and a 其中 after
    it), then the framing period resumes."""
    i = bisect.bisect_left(scope.starts, sent[0])
    while i < len(scope.mentions) and scope.mentions[i].start < sent[1]:
        m = scope.mentions[i]
        if _standalone(text, m, sent[0]):
            if m.kind == "horizon":
                ctx.horizon = m
            elif not (_local(m, ctx) or _is_window(m) or _local_year(m, text, ctx)):
                ctx.frame = m
        i += 1
    governing = _governing(scope, sent[1], sent[0])
    while governing is not None and _opens_starting_value(text, governing):
        # 由去年的3个工作日压缩至0.5个工作日: 去年 dates the starting value only, never a later part
        governing = _governing(scope, governing.start, sent[0])
    if governing is not None and governing.kind not in ("horizon", "years"):
        ctx.last = governing
        ctx.last_local = _local(governing, ctx) or _is_window(governing) or _local_year(governing, text, ctx) \
            or _plan_in_clause(governing, text, sent[0])
    ctx.opened = True


def _local(m: TimeMention, ctx: _Context) -> bool:
    """A single month or quarter after the block's opening, inside the period in force."""
    if m.kind != "span" or m.period is None or (not ctx.opened and ctx.frame is None):
        return False
    frame = ctx.framing()
    if frame is None or m.period == frame or not (frame.start <= m.period.start and m.period.end <= frame.end):
        return False
    p = m.period
    months = (p.end.year - p.start.year) * 12 + p.end.month - p.start.month + 1
    return p.start.day == 1 and months in (1, 3)


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
    elif d.own.kind == "horizon":
        d.kind, d.direction = "target", None
        d.kind_why = f"target: horizon {d.own.period.label if d.own.period else ''}"
    if d.period is None:
        d.period = _base_year_period(s.text, s.sent[0], s.sent[1], s.ctx.published)
        if d.period is not None:
            d.period_why = "比上年 early in a year: the year before"
    _goal_or_size(s, d)
    _described_thing(s, d)
    _money_obtained(s, d)
    if d.period is None:
        d.period = default_period(s.ctx.published)
        d.period_why = "no time phrase in force: the article's date"
    _settle_period(s, d, pending)
    _target_horizon(s, d)
    return d


def _own_time(s: _Sentence, a: _Atom) -> TimeMention | None:
    """The time phrase before the figure in its sentence part that dates it."""
    text, scope, s0 = s.text, s.scope, s.sent[0]
    own = _governing(scope, a.start, s0)
    while own is not None and own.deadline and own.start < _clause_start(text, a.start, s0):
        own = _governing(scope, own.start, s0)  # 力争10月底前…，新增就业500人: the deadline stays in its clause
    if own is not None and _starting_point(text, own, a, s.figure_starts):
        own = _governing(scope, own.start, s0)  # 由2015年的48家增加到156家: 156家 is now
    if own is not None and own.window and own.period is not None:
        own = _counted_back(own, scope, s.full_start, s.ctx)
    return own


def _date_by_own(s: _Sentence, d: _Decision) -> None:
    """The period (or target horizon) the figure's own time phrase sets; 上年同期 counts back
    a year from the period in force."""
    own, text, ctx = d.own, s.text, s.ctx
    d.period, d.target_period = _own_period(own, d.index, s.groups)
    d.period_why = _why_own(own, d.index, s.groups)
    if own is not None and own.kind == "prior":
        current = _governing(s.scope, own.start, 0)
        now = current.period if current is not None and current.kind != "prior" else ctx.framing()
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
    if d.period is None and d.kind != "target":
        d.period = _event_period(text, s.sent, ctx)
        if d.period is not None:
            d.period_why = f"the event the article reports ({d.period.label}), named again in this sentence"
    if d.period is not None and d.period is ctx.title and d.kind != "change" \
            and _title_stock(text, a, s0, pending, ctx.published):
        d.period = None  # 一季度… title, 可办理事项达到1326项: a stock held on the article's day
    if ctx.horizon is not None and d.kind != "target" and not _DONE_CUE.search(text, s0, a.start) \
            and ctx.frame is None:
        d.kind, d.direction, d.target_period = "target", None, ctx.horizon.period
        d.kind_why = f"target: paragraph horizon {ctx.horizon.period.label if ctx.horizon.period else ''}"


def _goal_or_size(s: _Sentence, d: _Decision) -> None:
    """A figure in goal-setting text is a goal; one that 将 or 拟 only seems to make a goal is
    the size of a project."""
    text, ctx, a, s0 = s.text, s.ctx, d.atom, s.sent[0]
    if ctx.goal and d.kind != "target" and _goal_figure(text, a, s0, d.own, ctx, s.scope):
        d.kind, d.direction, d.target_period = "target", None, ctx.goal_period
        d.kind_why = "target: in a section or article of goals"
    cue = s.cues[d.index]
    if d.kind == "target" and cue is not None and cue[0] in ("将", "拟") and _is_attribute(text, a, s0):
        # 将加快推进总投资50亿元的项目: the size of the project, not a goal
        d.kind, d.direction = "level", None
        d.period = _event_day(d.period, ctx.published)
        d.kind_why, d.period_why = "level: the size of a project (将/拟 does not make it a goal)", _why_day(d.period)


def _described_thing(s: _Sentence, d: _Decision) -> None:
    """The size of a project, a place or a plant as the article describes it: dated to the
    day it is described on, not to the period that produced the other figures."""
    text, ctx, a, s0, own = s.text, s.ctx, d.atom, s.sent[0], d.own
    if d.kind == "level" and (_is_attribute(text, a, s0) or _project_detail(text, a, s0, s.full_start)) \
            and (own is None or own.start < _clause_start(text, a.start, s0)):
        # 总投资120亿元的项目, 占地300亩的园区, 该项目一期投资45亿元，占地760亩: the size of a
        # thing as the article describes it, not what the period produced; on the day of
        # the event it stands in (昨天…开工，投资5.3亿元的…项目) when one is in force.
        d.period = _event_day(d.period, ctx.published)
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
        d.period = _event_day(d.period, ctx.published)
        d.kind_why, d.period_why = "level: capacity of a plant", "capacity of a plant: " + _why_day(d.period)


def _money_obtained(s: _Sentence, d: _Decision) -> None:
    """争取上级资金1.2亿元 reporting money won is no goal: the figure gets the kind its words give."""
    text, a, s0, i = s.text, d.atom, s.sent[0], d.index
    cue = s.cues[i]
    if d.kind == "target" and cue is not None and cue[0] == "争取" and d.target_period is None \
            and _obtained(text, cue[1], _clause_start(text, cue[1], s0), d.period, s.ctx):
        d.kind, d.direction = _kind(text, a, s0, s.atoms[i - 1] if i else None, s.kinds[i - 1] if i else None)
        d.kind_why = f"{d.kind}: 争取 of money won, not a goal"


def _settle_period(s: _Sentence, d: _Decision, pending: list[_Pending]) -> None:
    """Stocks held on a day, an estimate of the whole year, a change since the start of the
    year, and a flow counted up to a 截至 day."""
    text, ctx, a, s0 = s.text, s.ctx, d.atom, s.sent[0]
    period = d.period
    assert period is not None
    if ((d.kind == "change" and _YEAR_ON_YEAR.search(text, _clause_start(text, a.start, s0), a.start))
            or (d.kind == "level" and period.start != period.end)) \
            and _is_stock(text, a, s0, pending, period, ctx.published):
        # 市场主体总量达4.1万户 under 今年以来: a count on a day, not a flow over the months
        # (and 同比增长18% of it compares that count with a year before)
        day = min(period.end, ctx.published)
        if _NOW_STOCK.search(text, _clause_start(text, a.start, s0), a.start):
            day = ctx.published  # 现有: held on the article's day whatever the paragraph's year
        # 3月末贷款余额142.9亿元，同比增长13.5%: the change compares the balance on that
        # day with the balance a year before, so it is dated to the day as well.
        period = as_of(day, period.label)
        d.period_why = f"stock held on a day ({day.isoformat()}), not a flow: {d.period_why}"
    if s.estimates[d.index] is not None and d.own is not None and d.own.kind == "since" \
            and period.start.month == 1 and period.start.day == 1:
        period = year_span(period.start.year, period.label)  # 今年预计… in December: the whole year
    if d.kind == "change" and period.start == period.end and _since_year_start(text, a, s0):
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
    if d.kind not in ("level", "change") or period.start != period.end \
            or period.start.month * 100 + period.start.day <= 101 or not _cutoff_day(text, s.scope, a.start, period):
        return None
    if d.kind == "level" and _is_flow(text, a, s0):
        # 截至10月底，新登记市场主体1268户: counted over the year up to that day
        return Period(period.start.replace(month=1, day=1), period.end, period.label)
    if d.kind == "change" or _BREAKDOWN.match(text, _clause_start(text, a.start, s0)):
        # …，同比增长18.4% / …，其中工业企业20家: the change or the part of the flow just
        # reported covers the same months
        level = next((p for p in reversed(pending) if p.kind != "change"), None)
        if level is not None and level.sentence[0] == s0 and level.period is not None \
                and level.period.end == period.end and level.period.start < period.start:
            return level.period
    return None


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


_STOCK_CUE = re.compile(r"(?:现有|拥有|总数|总量|保有量|存量|余额|累计(?:达到|达|增至|增加到|突破|超过)|总计达)")


# Things under way are counted on a day (在建项目86个, 在孵企业64家, 在册企业). Projects in
# negotiation or in reserve (在谈, 储备) are not: reports count them over the months so far
# (今年以来，储备在谈项目200余个), as a pipeline built up in that time.
_UNDER_WAY = re.compile(r"在建|在孵|在库|在营|在册|在园")
_NOW_STOCK = re.compile(r"现有|现已")
# Words that make a figure under 截至10月底 a flow summed since the start of that year
# (新登记市场主体1268户, 完成投资5亿元), not a count held on the day. 累计 is left out: a total
# since a project began (累计完成投资32.5亿元) is read as of the day.
_FLOW_CUE = re.compile(r"新(?:登记|注册|设立|增|签约|签|引进|开工|入驻|落户|招引|发展)|(?<!累计)(?:完成|实现)")
# The day a 截至 phrase names: 截至10月底, 截至2018年4月28日, 截止今年9月末 (not 截至目前).
_CUTOFF_BEFORE = re.compile(r"(?:截至|截止到|截止|截至到|(?<![截])至|(?<![截止])到)\s*$")
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
    return _FLOW_CUE.search(text, clause, a.start) is not None and _STOCK_CUE.search(text, clause, a.start) is None \
        and "累计" not in text[clause:a.start]
# Headings and titles of goal-setting text, and of text looking back (which wins).
_GOAL_HEADING = re.compile(r"目标|任务|安排|打算|规划(?!建设|设计|局|馆|区|引领)|展望|计划(?!生育|单列)|思路|举措|重点工作"
                           r"|下一步|工作要点|实施方案|行动方案")
_REVIEW_HEADING = re.compile(r"回顾|成效|成绩|完成|进展|基础|现状|总结|发展情况|运行情况|取得|实现情况|超额")
# A title that makes the whole article a plan (a news headline that mentions 目标 does not).
_PLAN_TITLE = re.compile(r"规划(?!建设|设计|局|馆|区|引领)|工作安排|工作要点|实施方案|行动方案|行动计划|工作计划|主要目标|预期目标")
# Time words that in a goal section name the goal year, not a period gone by (全年 in January).
_GOAL_YEAR_WORDS = frozenset({"全年", "今年", "本年", "年底", "年末", "明年"})


def _goal_context(section: str | None, title: str | None, published: date) -> tuple[bool, Period | None]:
    """Whether a paragraph stands in goal-setting text (a section headed 主要目标 / 2022年工作安排 /
    发展目标, or a plan article with no such sections), and the horizon the heading names."""
    for text, goal_words in ((section, _GOAL_HEADING), (title, _PLAN_TITLE)):
        if not text:
            continue
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


_YEAR_ON_YEAR = re.compile(r"同比|(?:比|较)(?:上年|去年)(?!末|底|初)")


def _since_year_start(text: str, a: _Atom, s0: int) -> bool:
    """The change is measured from the start of the year (比年初增加…), in its own clause or,
    when its clause names no base, in the clause before (比年初净增2100户，增长7.1%)."""
    clause = _clause_start(text, a.start, s0)
    if _SINCE_YEAR_START.search(text, clause, a.start):
        return True
    if _BASE_PHRASE.search(text, clause, a.start):
        return False
    last_since = last_other = -1
    for m in _SINCE_YEAR_START.finditer(text, s0, clause):
        last_since = m.start()
    for m in _BASE_PHRASE.finditer(text, s0, clause):
        if not _SINCE_YEAR_START.match(text, m.start()):
            last_other = m.start()
    return last_since > last_other


def _is_stock(text: str, a: _Atom, s0: int, pending: list[_Pending], period: Period, published: date) -> bool:
    """A count held on a day (企业总数达到860家, 累计达到7800家, 现有企业120家, 在建项目86个 in
    months gone by), or the change of the one just before it in the sentence (…，同比增长18%)."""
    clause = _clause_start(text, a.start, s0)
    if _STOCK_CUE.search(text, clause, a.start):
        return True
    if a.unit in CLASSIFIER_UNITS and period.end < published and _UNDER_WAY.search(text, clause, a.start) \
            and not _FLOW_CUE.search(text, clause, a.start):
        # 1-9月，全区在建亿元以上项目86个: the projects under way when the months closed, not a
        # flow over them (under 今年以来 the count stays with the year so far, as the seed's gold has it)
        return True
    stock = next((p for p in reversed(pending) if p.kind != "change"), None)
    if stock is not None and stock.kind == "level" and stock.sentence[0] == s0 and stock.period is not None \
            and stock.period.start == stock.period.end \
            and _STOCK_CUE.search(text, _clause_start(text, stock.atom.start, s0), stock.atom.start):
        return True
    return False


_FROM_YEAR = re.compile(r"[由从]$")


def _starting_point(text: str, own: TimeMention, a: _Atom, figure_starts: list[int]) -> bool:
    """由2015年的48家增加到156家, 由去年同期的36.5小时压缩至14.2小时: the time phrase after 由
    dates the starting value only; the figures after the 到 / 至 that follows it belong to the
    period in force."""
    if own.kind not in ("span", "prior", "asof") or not _FROM_YEAR.search(text, max(0, own.start - 1), own.start):
        return False
    first = bisect.bisect_left(figure_starts, own.end)
    if first >= len(figure_starts) or figure_starts[first] >= a.start:
        return False
    # the starting value follows the time phrase at once (由去年的86.2分, 由上年同期平均36.5小时)
    if not _START_VALUE_LEAD.fullmatch(text, own.end, figure_starts[first]):
        return False
    return re.search(r"到|至|成为|变为|发展成", text[figure_starts[first]:a.start]) is not None


_START_VALUE_LEAD = re.compile(r"的?(?:平均|人均|户均|每[^\d,，。;；]{1,3})?(?:为|是)?")
_START_VALUE = re.compile(_START_VALUE_LEAD.pattern + r"[\d一二两三四五六七八九十百千万零〇.]")


def _opens_starting_value(text: str, m: TimeMention) -> bool:
    """由去年的3个工作日, 从2015年的48家: a time phrase after 由 / 从 that dates the value it
    starts from."""
    return m.kind in ("span", "prior", "asof") and _FROM_YEAR.search(text, max(0, m.start - 1), m.start) is not None \
        and _START_VALUE.match(text, m.end) is not None


def _counted_back(own: TimeMention, scope: _Scope, full_start: int, ctx: _Context) -> TimeMention:
    """五年累计, 近五年 in a review of a closed year Y (2020年，… read in 2021): the N years
    ending with Y, not the N years up to the article date. A run of years named earlier in
    the sentence (2010年至2012年，…三年累计) ends the count at its last year."""
    earlier = _governing(scope, own.start, full_start)
    stated = earlier.period if earlier is not None and not _is_window(earlier) else None
    anchor = None
    for p in (stated, ctx.frame.period if ctx.frame is not None and not _is_window(ctx.frame) else None,
              ctx.section, ctx.title):
        if p is not None and (p.start.month, p.start.day, p.end.month, p.end.day) == (1, 1, 12, 31) \
                and (p.start.year == p.end.year or p is stated) and p.end < ctx.published:
            anchor = p.end.year
            break
    if anchor is None or anchor == ctx.published.year:
        return own
    period = Period(date(anchor - own.window + 1, 1, 1), date(anchor, 12, 31), own.period.label if own.period else "")
    return TimeMention(own.start, own.end, own.kind, period, own.years, own.deadline, own.window)


def _own_period(own: TimeMention | None, i: int, groups: dict[int, tuple[int, int, int, str]]
                ) -> tuple[Period | None, Period | None]:
    """(period, target horizon) set by the time phrase before the figure in its own sentence."""
    if own is None or own.period is None:
        return None, None
    if own.kind == "horizon":
        return None, own.period
    if own.kind == "years" and i in groups and own.start < groups[i][0] and groups[i][2] == len(own.years):
        return year_span(own.years[i - groups[i][1]], own.period.label), None
    return own.period, None


def _inherited_period(text: str, a: _Atom, sent: tuple[int, int], scope: _Scope, figure_starts: list[int],
                      ctx: _Context, continuation: bool, has_change: bool) -> tuple[Period | None, str]:
    """The period of a figure with no time phrase before it in its sentence part, and why.

    A sentence that breaks down the figure before it (其中，…) shares that figure's period;
    a change sentence follows the time phrase of the sentence before unless that was a
    local month; everything else falls back to the block's framing period."""
    trailing = _trailing_asof(scope, text, a.end, sent[1], figure_starts)
    if trailing is not None:
        return trailing.period, f"截至 phrase later in the sentence: {_label(trailing)}"
    if continuation:
        if ctx.figure_period is not None and _BREAKDOWN.match(text, _sentence_head(text, sent[0])):
            return ctx.figure_period, f"其中 breaks down the figure before: {ctx.figure_period.label}"
        if ctx.last is not None:
            return ctx.last.period, f"continues the sentence before: {_label(ctx.last)}"
        framing = ctx.framing()
        return framing, f"continues the paragraph frame: {framing.label}" if framing else ""
    if has_change and ctx.last is not None and not ctx.last_local:
        return ctx.last.period, f"change after the sentence before: {_label(ctx.last)}"
    if ctx.frame is not None:
        return ctx.frame.period, f"paragraph frame: {_label(ctx.frame)}"
    if ctx.section is not None:
        return ctx.section, f"section heading: {ctx.section.label}"
    if ctx.title is not None and not _ASOF_WORD.search(text, _clause_start(text, a.start, sent[0]), a.start):
        # 上半年…运行情况分析: figures with no time of their own are the period's
        return ctx.title, f"reporting period of the title: {ctx.title.label}"
    if has_change and ctx.carried is not None:
        # 1-10月，示范区规上工业增加值增长14.3%。⏎重点行业产值“两增两降”…增长10.5%: a release
        # reports its window paragraph after paragraph
        return ctx.carried, f"year-to-date window of the paragraph before: {ctx.carried.label}"
    if has_change and ctx.fallback is not None:
        return ctx.fallback, f"lead or title period, for a change: {ctx.fallback.label}"
    return None, ""


def _year_to_date(frame: TimeMention | None, published: date) -> Period | None:
    """A frame that is a closed window from the first of January (1-10月, 前三季度, 上半年)."""
    if frame is None or frame.kind != "span" or frame.period is None or frame.window:
        return None
    p = frame.period
    if (p.start.month, p.start.day) != (1, 1) or p.end >= published or p.start.year != p.end.year \
            or (p.end.month, p.end.day) == (12, 31):
        return None
    return p


def _why_cell_period(column: Period | None, period: Period | None) -> str:
    if period is None:
        return "table cell: a goal with no horizon"
    where = f"column {column.label}" if column is not None else "row label, paragraph frame or article date"
    return f"table cell: {where} ({period.label or period.start.isoformat()})"


def _label(m: TimeMention) -> str:
    return m.period.label if m.period is not None else ""


def _why_own(own: TimeMention | None, i: int, groups: dict[int, tuple[int, int, int, str]]) -> str:
    if own is None or own.period is None:
        return ""
    if own.kind == "horizon":
        return f"target horizon: {own.period.label}"
    if own.kind == "years" and i in groups:
        return f"分别 list over the years {own.period.label}, in order"
    clause = {"asof": "as of", "since": "since", "span": "over", "years": "over", "prior": "a year before"}[own.kind]
    return f"own time phrase ({clause}): {own.period.label}"


def _why_day(period: Period) -> str:
    return f"the day of the event, {period.label}" if period.label else "the article's date"


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


# A title's reporting period frames flows and changes; a stock (可办理事项1326项, 现有企业, 累计,
# 总数) is counted on the article's day, and so are the parts and shares of it that follow in
# its sentence (其中…事项占比98.5%，…事项642项) unless they name a flow of their own.
_TITLE_STOCK = re.compile(r"可(?:办理|办|提供|容纳|受理)|拥有|共有|累计|现有|总数|总量|保有量|存量|余额")
_TITLE_FLOW = re.compile(r"新(?:登记|注册|设立|增|签约|签|引进|开工|入驻|落户|招引|发展|建)|(?<!累计)(?:完成|实现)"
                         r"|(?<![可能])办理|受理|办结")


def _title_stock(text: str, a: _Atom, s0: int, pending: list[_Pending], published: date) -> bool:
    clause = _clause_start(text, a.start, s0)
    # In a share (占开发区投资总量的64.5%) the words after 占 name the whole, not a stock.
    share_at = text.find("占", clause, a.start)
    head_end = share_at if share_at >= 0 else a.start
    if _TITLE_FLOW.search(text, clause, head_end) is not None:
        return False
    if _TITLE_STOCK.search(text, clause, head_end) is not None:
        return True
    same = [p for p in pending if p.sentence[0] == s0 and p.kind != "change"]
    if not same or same[-1].period is None or (same[-1].period.start, same[-1].period.end) != (published, published):
        return False
    return any(_TITLE_STOCK.search(text, _clause_start(text, p.atom.start, s0), p.atom.start) is not None for p in same)


# Words that count a stock on a day, which the title's reporting period does not date.
_ASOF_WORD = re.compile(r"截至|截止|目前|现有|现已|末|底")


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
_CAPACITY_THING_AFTER = re.compile(r"的?[^,，。;；:：、\d的“”\"]{0,14}?(?:项目|生产线|产线|装置|工厂|工程|基地|车间|厂)")


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


def _continues(text: str, s0: int) -> bool:
    """The sentence breaks down or details what the one before reported (其中，分行业看，…)."""
    return bool(_CONTINUATION.match(text, _sentence_head(text, s0)))


def _kind(text: str, a: _Atom, s0: int, prev: _Atom | None, prev_kind: tuple[str, str | None] | None,
          target: bool = False) -> tuple[str, str | None]:
    clause_floor = _clause_start(text, a.start, s0)
    if target:
        return "target", None
    if a.unit == "%" and _CONTRIBUTION_SHARE.search(text, clause_floor, a.start):
        return "share", None  # 对全市规上工业增长贡献率超过30%: a part of the whole growth
    direction = _change(text, a, clause_floor)
    if a.unit in ("百分点", "倍", "基点"):
        # 提高1.9个百分点, 高于全省2个百分点; 增长1.3倍, 是上年的1.8倍: differences and ratios to a base
        return "change", direction or _direction_in(text[clause_floor:a.start])
    if direction is not None:
        return "change", direction
    if prev is not None and prev_kind is not None and prev_kind[0] == "change" \
            and _LIST_SEP.fullmatch(text[prev.end:a.start]) and prev.unit == a.unit:
        return prev_kind
    if a.unit == "‰" or (a.unit == "%" and _RATE_LEVEL.search(text, clause_floor, a.start)):
        # 出生率9.8‰, 贷款利率4.65%: rates of their own, not parts of a whole
        return "level", None
    if a.unit == "%":
        return "share", None
    return "level", None


_CONTRIBUTION_SHARE = re.compile(r"贡献率(?:分别为|分别|为|是|达到|达|超过|超|近|约)*$")
_RATE_LEVEL = re.compile(r"(?:利率|利息率|收益率|贴现率|汇率|出生率|死亡率|自然增长率|税率|费率)"
                         r"(?:分别为|分别|平均为|平均|为|是|达到|达|保持在|降至|降到|在|约|仅)*$")


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


def _base_year_period(text: str, s0: int, s1: int, published: date) -> Period | None:
    """比上年增长 with no period stated, early in a year: the statistics of the year before."""
    if published.month > 4:
        return None
    if re.search(r"(?:比|较)(?:上年|去年)(?!同期)", text[s0:s1]):
        return year_span(published.year - 1, "上年")
    return None


def _to_figure(article: Article, block: _Block, p: _Pending, sector: str) -> Figure:
    para = block.paragraph
    a = p.atom
    start, end = para.source_span(a.start, a.end)
    s_start, s_end = para.source_span(p.sentence[0], p.sentence[1])
    period = p.target_period if p.kind == "target" else p.period
    if period is not None and period.end < period.start:
        period = as_of(period.start, period.label)  # never a period that ends before it starts
    label = period.label if period is not None else None
    return Figure(
        start=start, end=end, text=article.source[start:end],
        value=_number(-a.value if a.negative and p.kind != "change" else a.value),
        value_max=_number(a.value_max) if a.value_max is not None else None,
        unit=a.unit or "", qualifier=a.qualifier, kind=p.kind,
        direction=p.direction if p.kind == "change" else None,
        period_start=period.start.isoformat() if period else None,
        period_end=period.end.isoformat() if period else None,
        period_label=label or None,
        subject=p.subject, sector=sector, section=block.section if not block.heading else None,
        paragraph=block.index, sentence=para.text[p.sentence[0]:p.sentence[1]],
        sentence_start=s_start, sentence_end=s_end,
        why_kind=p.why_kind, why_period=p.why_period if p.kind != "target" else (
            f"target horizon: {period.label}" if period is not None else "target with no horizon"),
    )


def _number(value: Decimal) -> float:
    as_int = int(value)
    return float(as_int) if value == as_int else float(value)


def figures_in_text(text: str, published: date) -> list[Figure]:
    """Figures of a bare piece of text (one paragraph), for tests and quick checks."""
    offsets = tuple(range(len(text)))
    para = Paragraph(index=1, text=text, offsets=offsets, section=None)
    article = Article(path="<text>", source=text, encoding="utf-8", sha256="", format="text",
                      published=published, title="", source_id="text", paragraphs=[para])
    return extract_figures(article)


__all__ = ["EXTRACTOR_VERSION", "extract_figures", "figures_in_text", "sector_of"]
