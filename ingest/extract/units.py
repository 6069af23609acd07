"""Units, classifiers and qualifiers: the tables the scanner matches and every later step reads."""
from __future__ import annotations

import re
from decimal import Decimal

# surface form -> unit stored (the base unit or classifier; the multiplier is removed).
# Units are kept as written except for spellings every reader takes as one unit (平米 and
# 平方米, 个百分点 and 百分点): an analyst searches for the word the article used.
UNITS: dict[str, str] = {
    "元人民币": "元", "人民币": "元", "美元": "美元", "欧元": "欧元", "港元": "港元", "港币": "港币",
    "日元": "日元", "英镑": "英镑", "元": "元",
    "%": "%", "‰": "‰", "个百分点": "百分点", "百分点": "百分点", "倍": "倍", "成": "成",
    "平方公里": "平方公里", "平方千米": "平方千米", "平方米": "平方米", "平米": "平方米", "㎡": "平方米",
    "亩": "亩", "公顷": "公顷", "公里": "公里", "千米": "公里", "km": "公里", "毫米": "毫米", "米": "米",
    "吨标准煤": "吨标准煤", "吨标煤": "吨标煤", "吨": "吨", "千克": "千克", "公斤": "公斤", "斤": "斤",
    "立方米": "立方米", "千瓦时": "千瓦时", "千瓦小时": "千瓦小时", "千瓦": "千瓦",
    # electricity in 度 (kWh) only with a multiplier (13.56亿度, 6.42亿度): 30度 is a temperature or an angle
    "度": "度", "千升": "千升",
    "km/h": "km/h", "公里/小时": "公里/小时",
    # power and energy as the industry writes them (300MW光伏, 20GWh储能, 480MWh): kept as written
    "GWh": "GWh", "MWh": "MWh", "kWh": "kWh", "GW": "GW", "MW": "MW", "kW": "kW", "兆瓦": "兆瓦", "千伏安": "千伏安",
    "吉瓦时": "吉瓦时", "吉瓦": "吉瓦", "兆瓦时": "兆瓦时", "瓦时": "瓦时",  # 25亿瓦时 (2.5 GWh) of batteries
    "剂": "剂",  # 年产约2.1亿剂疫苗: doses made
    "微克/立方米": "微克/立方米", "毫克/立方米": "毫克/立方米", "毫克/升": "毫克/升",
    "标准箱": "标准箱", "标箱": "标箱", "个标准箱": "标准箱", "个标箱": "标箱",  # 66292个标准箱: TEU
    "家": "家", "个": "个", "项": "项", "条": "条", "名": "名", "人次": "人次", "人": "人", "户": "户",
    "种": "种", "台套": "台套", "台": "台", "套": "套", "辆": "辆", "件": "件", "所": "所", "座": "座", "栋": "栋",
    "幢": "幢", "处": "处", "间": "间", "张": "张", "艘": "艘", "架": "架", "只": "只", "头": "头",
    "棵": "棵", "株": "株", "位": "位", "场": "场", "次": "次", "篇": "篇", "部": "部", "块": "块",
    "宗": "宗", "起": "起", "例": "例", "份": "份", "盏": "盏", "支": "支",
    "根": "根",  # 钢柱吊装完成40根, 打桩1200根: pieces put in place
    "笔": "笔", "批次": "批次", "批": "批", "单": "单", "册": "册", "个基点": "基点", "基点": "基点",
    "列": "列",  # 开行中欧班列86列: trains run
    "片": "片",  # 年产2600万片电容式触摸屏: pieces made (not 片区, 片面)
    "锭": "锭",  # 5万锭高端纺织项目: spindles, the capacity of a spinning mill
    "席": "席",  # 百强榜单中占据52席: places held on a list
    "类": "类",  # 统计监测的19类商品: categories counted; after Arabic numerals only (两类人群 is a phrase)
    "轮": "轮",  # 开展5轮专项检查: rounds of a campaign
    "层": "层",  # 地上6层: the floors of a building
    "双": "双",  # 年产鞋300万双: pairs made; after Arabic numerals only (一双手, 双方 are words)
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
CHINESE_NUMERAL_UNITS = frozenset(u for u in UNITS.values() if u not in DURATION_UNITS | {"‰", "分", "类", "双"})
# The character after a one-character classifier that shows it is the start of a word.
NOT_A_CLASSIFIER_BEFORE = {
    "根": "据本源基治",
    "家": "庭乡居具电园用长属门", "人": "民才员口工均大士物", "名": "称单义牌片列录额", "个": "人体性案月",
    "条": "例款件", "项": "目", "台": "阶风湾州", "所": "有在属得以谓长", "座": "谈", "次": "要级数日年之",
    "处": "理置罚室长级", "位": "于置列数一次", "种": "植类子养业", "场": "景所地馆面", "头": "部号条衔",
    "起": "来步点草诉", "部": "分门署", "支": "持付撑出柱", "块": "钱", "份": "额子", "例": "如",
    "间": "隔", "天": "然津气", "米": "面粮", "户": "籍口外型", "只": "是有要能", "架": "构", "元": "素旦宵",
    "件": "事", "张": "家", "成": "为立本果功员效长都绩交型熟片就品套",
    "笔": "记者画墨直", "批": "准复示发量评办", "单": "位独项元体个品价据一列纯人打边", "册": "子",
    "列": "入为车表出举位席队明式举阵岛国强",
    "片": "区面刻段子长式状叶",
    "双": "方向创赢重百城轮循碳十语边手周休引控线高",
    "层": "次面级级峦",
    "席": "卷地",
    "轮": "流换值岗训班次胎船机作廓番车椅毂回候",
    "分": "钟之别析类布局公司行院会期批级档项享配解拨红散开段担摊流娩工区子队店部厂支站所社中校内外成钱米秒",
}

CLASSIFIER_UNITS = frozenset({"家", "个", "项", "条", "名", "人", "户", "种", "台", "套", "台套", "辆", "件", "所", "座",
                              "栋", "幢", "处", "间", "张", "艘", "架", "只", "头", "棵", "株", "位", "场", "次",
                              "篇", "部", "块", "片", "席", "宗", "起", "例", "份", "盏", "支", "人次", "笔", "批次", "批", "单",
                              "册", "辆次", "架次", "艘次", "航次", "班次", "车次", "列次", "趟次", "户次", "家次",
                              "件次", "台次", "场次", "项次", "列", "轮", "双", "层", "锭"})

_PER = "年|日|天|月|人|吨|亩|平方公里|平方米|公顷|立方米|千瓦时|小时|户|辆|台|套|公里|件|次|万元|元"
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
# 约 ends words too (签约43个, 合约, 预约): there it qualifies nothing.
_PRE = r"大约|大概|(?<![签合公条契预节制邀履违誓特相])约为|(?<![签合公条契预节制邀履违誓特相])约|将近|接近|近|超过|超出|超|逾|突破了|突破|首破|再破|(?<![突打击攻识看])破(?=\d)|(?<![通经超度跨越不难好路])过(?=\d)|不足|不到|不超过|不少于|不低于|至少|最多"
_POST = "以上|以下|左右|上下|以内|之多|有余"

QUALIFIER_OF = {
    "大约": "approx", "大概": "approx", "约为": "approx", "约": "approx", "将近": "approx", "接近": "approx", "近": "approx",
    "超过": "more_than", "超出": "more_than", "突破": "more_than", "突破了": "more_than", "首破": "more_than", "再破": "more_than", "破": "more_than", "过": "more_than", "超": "more_than", "逾": "more_than",
    "不足": "less_than", "不到": "less_than", "不超过": "at_most", "最多": "at_most",
    "不少于": "at_least", "不低于": "at_least", "至少": "at_least",
    "以上": "at_least", "以下": "at_most", "以内": "at_most", "左右": "approx", "上下": "approx",
    "有余": "more_than", "之多": "exact",
}


def _number(value: Decimal) -> float:
    """A value in base units as the float a Figure stores."""
    as_int = int(value)
    return float(as_int) if value == as_int else float(value)
