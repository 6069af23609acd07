"""Every value zone shows, written one way: the brief, `zone review`, `zone series` and (later)
Datasette call ``format_value``.

Chinese statistics write large amounts with 万 and 亿 and few decimals: 52,080,000,000 元 is
520.8亿元, 14,500 人 is 1.45万人, 3,221,000,000 元 is 32.21亿元; a number below 1万 stays as
written (2309件, 4.21). The English brief uses million and billion instead (52.08 billion yuan).

Decimals: a value is shown exactly when that takes at most four decimals and six significant
digits (270.883亿元 as written); otherwise it is rounded to four significant digits (and never
to fewer than its whole digits). A derived value (the total implied by a share, the level a year
earlier implied by a change) is computed from rounded figures, so it is rounded once, to four
significant digits of its base value, and then shown like any other: 16,105,000,000 元 -> 161.1亿元
in the brief, the terminal and the formula stored with the figure.

Pure functions of plain values: no database, no import of ingest, so Datasette (a plugin or a
SQL function) can register ``format_value`` as it is.
"""
from __future__ import annotations

import calendar
import math
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from common.units import NO_SCALE, unit_en

# Magnitudes, largest first: (multiplier, Chinese word), (multiplier, English word).
_ZH_SCALES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
_EN_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))

MINUS = "−"

QUALIFIER_WORDS: dict[str, dict[str, str]] = {
    "zh": {"exact": "", "approx": "约", "more_than": "超过", "at_least": "不少于", "less_than": "不足",
           "at_most": "不超过", "range": "", "order_of_magnitude": ""},
    "en": {"exact": "", "approx": "about", "more_than": "over", "at_least": "at least", "less_than": "under",
           "at_most": "at most", "range": "", "order_of_magnitude": "of the order of"},
}


def significant(value: float, digits: int = 4) -> float:
    """``value`` to ``digits`` significant digits: 16105000000.3 -> 16110000000.0; 4.6998712 -> 4.7."""
    if value == 0 or not math.isfinite(value):
        return value
    # Half up on the decimal digits as written (round() would go half-even on binary floats:
    # 161.05 -> 161.0).
    exponent = math.floor(math.log10(abs(value))) - digits + 1
    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP))


def round_derived(value: float) -> float:
    """The one rounding of a derived value: four significant digits of its base value."""
    return significant(value, 4)


def scalable(unit: str) -> bool:
    """Whether 万/亿 (million/billion) may stand before the unit: not for %, 百分点, 倍, an
    index (no unit) or a unit that already carries a magnitude (万千瓦)."""
    return unit not in NO_SCALE and not unit.startswith(("万", "亿", "千万", "百万"))


def _plain(x: float) -> str:
    """A number without float noise: exact up to 4 decimals and 6 significant digits, else 4
    significant digits (whole digits always kept)."""
    if x == 0:
        return "0"
    exact = round(x, 4)
    text = f"{exact:.4f}".rstrip("0").rstrip(".")
    if abs(exact - x) <= 1e-9 * max(1.0, abs(x)) and len(text.lstrip("-").replace(".", "").lstrip("0")) <= 6:
        return text
    places = max(0, 3 - math.floor(math.log10(abs(x))))
    return f"{round(x, places):.{places}f}".rstrip("0").rstrip(".") if places else f"{round(x):d}"


def _grouped(text: str) -> str:
    """English thousands separators on a plain number: 61771 -> 61,771."""
    whole, dot, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-')):,}{dot}{frac}"


def _scale(big: float, unit: str, lang: str) -> tuple[float, str]:
    """(divisor, word) for numbers up to ``big`` in ``unit``."""
    if scalable(unit):
        for mult, word in (_ZH_SCALES if lang == "zh" else _EN_SCALES):
            if big >= mult:
                return mult, word
    return 1.0, ""


def format_number(value: float, unit: str = "", lang: str = "zh", derived: bool = False) -> tuple[str, str]:
    """(number, unit) as shown, apart: (520.8, 亿元), (52.08, billion yuan), (4.7, "")."""
    number, _, unit_text = _parts(value, None, unit, lang, derived)
    return number, unit_text


def _parts(value: float, value_max: float | None, unit: str, lang: str, derived: bool) -> tuple[str, float, str]:
    if derived:
        value = round_derived(value)
        value_max = round_derived(value_max) if value_max is not None else None
    big = max(abs(value), abs(value_max) if value_max is not None else 0.0)
    divisor, word = _scale(big, unit, lang)

    def show(v: float) -> str:
        text = _plain(v / divisor)
        if lang == "en" and not word:
            text = _grouped(text)
        return text.replace("-", MINUS)

    number = show(value)
    if value_max is not None and value_max != value:
        number = f"{number}–{show(value_max)}"
    if lang == "zh":
        return number, big, f"{word}{unit}"
    names = unit_en(unit, one=value_max is None and abs(value) == 1 and not word)
    return number, big, " ".join(p for p in (word, names) if p)


def format_value(value: float | None, unit: str = "", *, lang: str = "zh", derived: bool = False,
                 qualifier: str | None = None, value_max: float | None = None) -> str:
    """A value with its unit as a reader expects it.

    >>> format_value(52080000000, "元")
    '520.8亿元'
    >>> format_value(14500, "人")
    '1.45万人'
    >>> format_value(2309, "件")
    '2309件'
    >>> format_value(16105000000, "元", derived=True)
    '161.1亿元'
    >>> format_value(52080000000, "元", lang="en")
    '52.08 billion yuan'
    >>> format_value(50, "家", qualifier="more_than")
    '超过50家'
    """
    if value is None:
        return ""
    number, _, unit_text = _parts(value, value_max, unit, lang, derived)
    if lang == "zh":
        text = f"{number}{unit_text}"
    else:
        text = f"{number}{unit_text}" if unit_text in ("%", "‰") else " ".join(p for p in (number, unit_text) if p)
    word = QUALIFIER_WORDS.get(lang, QUALIFIER_WORDS["zh"]).get(qualifier or "exact", "")
    if qualifier == "order_of_magnitude" and lang == "zh":
        return f"{text}量级"
    if word:
        return f"{word}{text}" if lang == "zh" else f"{word} {text}"
    return text


def format_signed(delta: float, unit: str = "", *, lang: str = "zh", derived: bool = False) -> str:
    """A difference with its sign: +9亿元, −1.2万吨, ±0."""
    sign = "+" if delta > 0 else MINUS if delta < 0 else "±"
    return sign + format_value(abs(delta), unit, lang=lang, derived=derived)


def choose_scale(values: "list[float] | tuple[float, ...]", unit: str, lang: str = "zh") -> tuple[float, str]:
    """One magnitude for numbers shown side by side (a chart's axis, a series' column):
    (divisor, unit as shown), e.g. (1e8, 亿元) or (1e9, billion yuan)."""
    big = max((abs(v) for v in values), default=0.0)
    divisor, word = _scale(big, unit, lang)
    if lang == "zh":
        return divisor, f"{word}{unit}"
    return divisor, " ".join(p for p in (word, unit_en(unit)) if p)


def format_scaled(value: float, divisor: float = 1.0, *, lang: str = "zh", derived: bool = False) -> str:
    """The number alone in a chosen magnitude (see choose_scale), written as format_value writes it."""
    if derived:
        value = round_derived(value)
    text = _plain(value / divisor)
    if lang == "en" and divisor == 1.0:
        text = _grouped(text)
    return text.replace("-", MINUS)


def format_base(value: float, unit: str = "", *, lang: str = "zh", derived: bool = False) -> str:
    """The value in its base unit with every digit, for the appendix (and a tooltip):
    52,080,000,000元; 52,080,000,000 yuan. A derived value as rounded once."""
    if derived:
        value = round_derived(value)
    text = f"{round(value, 4):,.4f}".rstrip("0").rstrip(".").replace("-", MINUS)
    if lang == "zh":
        return f"{text}{unit}"
    names = unit_en(unit, one=abs(value) == 1)
    return f"{text}{names}" if names in ("%", "‰") else " ".join(p for p in (text, names) if p)


# ---------------------------------------------------------------- dates and periods

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(d: str | None) -> "date | None":
    try:
        return date.fromisoformat(d) if d else None
    except ValueError:
        return None


def _month_end(d: "date") -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def format_day(d: "str | date | None", lang: str = "zh", year: bool = True) -> str:
    """2022年8月10日; 10 Aug 2022. An unreadable date is returned as it is."""
    day = d if isinstance(d, date) else _day(d)
    if day is None:
        return str(d or "")
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日" if year else f"{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}" if year else f"{day.day} {_MONTHS_EN[day.month - 1]}"


def format_period(start: str | None, end: str | None, lang: str = "zh") -> str:
    """A figure's period as a reader says it: 2021年, 2021–2025年, 2022年1–4月, 2022年7月,
    2022年1月1日–8月10日, 截至2022年8月10日 (English: 2021, Jan–Apr 2022, 1 Jan–10 Aug 2022,
    as of 10 Aug 2022)."""
    zh = lang == "zh"
    a, b = _day(start), _day(end)
    if a is None and b is None:
        return "未注明" if zh else "not stated"
    if a is None or a == b:
        return f"截至{format_day(b or end, lang)}" if zh else f"as of {format_day(b or end, lang)}"
    if b is None:
        return f"{format_day(a, lang)}起" if zh else f"from {format_day(a, lang)}"
    if a.day == 1 and _month_end(b):
        if a.month == 1 and b.month == 12:
            if a.year == b.year:
                return f"{a.year}年" if zh else f"{a.year}"
            return f"{a.year}–{b.year}年" if zh else f"{a.year}–{b.year}"
        if a.year == b.year:
            if a.month == b.month:
                return f"{a.year}年{a.month}月" if zh else f"{_MONTHS_EN[a.month - 1]} {a.year}"
            return f"{a.year}年{a.month}–{b.month}月" if zh else \
                f"{_MONTHS_EN[a.month - 1]}–{_MONTHS_EN[b.month - 1]} {a.year}"
    if a.year == b.year:
        return f"{format_day(a, lang)}–{format_day(b, lang, year=False)}" if zh else \
            f"{format_day(a, lang, year=False)}–{format_day(b, lang)}"
    return f"{format_day(a, lang)}–{format_day(b, lang)}"
