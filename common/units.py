"""Units as data: which take 万/亿, and their English names (the translation table of the
English brief). Keys are the units the extractor stores (ingest.extract.UNITS values);
a compound unit (元/亩, 吨/年) is translated part by part.

A classifier that only counts (个, 项) has no English word of its own: the indicator's
English name says what is counted ("Signed projects: 56").
"""
from __future__ import annotations

# Never written with 万/亿 (million/billion) in front: ratios, points, scores, an index.
NO_SCALE = frozenset({"", "%", "‰", "百分点", "倍", "成", "基点", "分"})

# unit -> (English plural, English singular). "" = no word (the count stands alone).
UNITS_EN: dict[str, tuple[str, str]] = {
    # money
    "元": ("yuan", "yuan"), "美元": ("US dollars", "US dollar"), "欧元": ("euros", "euro"),
    "港元": ("HK dollars", "HK dollar"), "港币": ("HK dollars", "HK dollar"), "日元": ("yen", "yen"),
    "英镑": ("pounds sterling", "pound sterling"),
    # ratios
    "%": ("%", "%"), "‰": ("‰", "‰"), "百分点": ("percentage points", "percentage point"),
    "倍": ("times", "time"), "成": ("tenths", "tenth"), "基点": ("basis points", "basis point"),
    "分": ("points", "point"), "点": ("points", "point"),  # 点: an index's points (总指数371.9点)
    # area, length, mass, volume, energy
    "平方公里": ("km²", "km²"), "平方千米": ("km²", "km²"), "平方米": ("m²", "m²"), "亩": ("mu", "mu"),
    "公顷": ("hectares", "hectare"), "公里": ("km", "km"), "米": ("m", "m"),
    "吨标准煤": ("tonnes of coal equivalent", "tonne of coal equivalent"),
    "吨标煤": ("tonnes of coal equivalent", "tonne of coal equivalent"),
    "吨": ("tonnes", "tonne"), "千克": ("kg", "kg"), "公斤": ("kg", "kg"), "斤": ("jin", "jin"),
    "立方米": ("m³", "m³"), "千瓦时": ("kWh", "kWh"), "千瓦小时": ("kWh", "kWh"),
    "度": ("kWh", "kWh"), "千瓦": ("kW", "kW"), "km/h": ("km/h", "km/h"), "千升": ("kL", "kL"),
    "GWh": ("GWh", "GWh"), "MWh": ("MWh", "MWh"), "kWh": ("kWh", "kWh"), "GW": ("GW", "GW"), "MW": ("MW", "MW"),
    "kW": ("kW", "kW"), "公里/小时": ("km/h", "km/h"), "兆瓦": ("MW", "MW"), "兆瓦时": ("MWh", "MWh"), "吉瓦": ("GW", "GW"), "吉瓦时": ("GWh", "GWh"),
    "瓦时": ("Wh", "Wh"),
    "千伏安": ("kVA", "kVA"),
    "微克/立方米": ("µg/m³", "µg/m³"), "毫克/立方米": ("mg/m³", "mg/m³"), "毫克/升": ("mg/L", "mg/L"),
    "标准箱": ("TEU", "TEU"), "标箱": ("TEU", "TEU"),
    # counts
    "家": ("firms", "firm"), "个": ("", ""), "项": ("items", "item"), "条": ("lines", "line"),
    "名": ("people", "person"), "人次": ("person-times", "person-time"), "人": ("people", "person"),
    "户": ("households", "household"), "种": ("kinds", "kind"), "台套": ("sets", "set"),
    "台": ("units", "unit"), "套": ("sets", "set"), "辆": ("vehicles", "vehicle"), "件": ("cases", "case"),
    "所": ("institutions", "institution"), "座": ("buildings", "building"), "栋": ("buildings", "building"),
    "幢": ("buildings", "building"), "处": ("sites", "site"), "间": ("rooms", "room"), "张": ("sheets", "sheet"),
    "艘": ("ships", "ship"), "架": ("aircraft", "aircraft"), "只": ("head", "head"), "头": ("head", "head"),
    "棵": ("trees", "tree"), "株": ("plants", "plant"), "位": ("people", "person"), "场": ("events", "event"),
    "次": ("times", "time"), "篇": ("articles", "article"), "部": ("units", "unit"), "块": ("plots", "plot"),
    "宗": ("cases", "case"), "起": ("cases", "case"), "例": ("cases", "case"), "份": ("copies", "copy"),
    "剂": ("doses", "dose"), "根": ("pieces", "piece"), "盏": ("lamps", "lamp"), "支": ("teams", "team"), "笔": ("transactions", "transaction"),
    "批次": ("batches", "batch"), "批": ("batches", "batch"), "单": ("orders", "order"),
    "册": ("volumes", "volume"), "列": ("trains", "train"), "片": ("pieces", "piece"), "席": ("places", "place"), "毫米": ("mm", "mm"), "类": ("categories", "category"),
    "轮": ("rounds", "round"), "双": ("pairs", "pair"), "层": ("floors", "floor"), "锭": ("spindles", "spindle"),
    "辆次": ("vehicle trips", "vehicle trip"), "架次": ("flights", "flight"), "艘次": ("ship calls", "ship call"),
    "航次": ("voyages", "voyage"), "班次": ("services", "service"), "车次": ("train runs", "train run"),
    "列次": ("train runs", "train run"), "趟次": ("trips", "trip"), "户次": ("household visits", "household visit"),
    "家次": ("firm visits", "firm visit"), "件次": ("items handled", "item handled"),
    "台次": ("unit runs", "unit run"), "场次": ("sessions", "session"), "项次": ("items", "item"),
    # time
    "工作日": ("working days", "working day"), "小时": ("hours", "hour"), "分钟": ("minutes", "minute"),
    "天": ("days", "day"), "月": ("months", "month"), "年": ("years", "year"), "日": ("days", "day"),
}

# The denominator of a compound unit: 元/亩 -> yuan per mu.
PER_EN: dict[str, str] = {
    "年": "year", "日": "day", "天": "day", "月": "month", "人": "person", "吨": "tonne", "亩": "mu",
    "平方米": "m²", "立方米": "m³", "千瓦时": "kWh", "小时": "hour", "户": "household", "辆": "vehicle",
    "台": "unit", "套": "set", "公里": "km", "件": "item", "次": "time",
}


def has_english(unit: str) -> bool:
    """Whether the table can say the unit in English."""
    if unit in UNITS_EN:
        return True
    head, sep, per = unit.partition("/")
    return bool(sep) and head in UNITS_EN and per in PER_EN


def unit_en(unit: str, one: bool = False) -> str:
    """The unit in English (plural unless ``one``); an unknown unit is returned as it is, so a
    gap in the table shows in the brief and in the test of the English brief."""
    if unit in UNITS_EN:
        plural, singular = UNITS_EN[unit]
        return singular if one else plural
    head, sep, per = unit.partition("/")
    if sep and head in UNITS_EN and per in PER_EN:
        return f"{UNITS_EN[head][1 if one else 0] or head} per {PER_EN[per]}"
    return unit
