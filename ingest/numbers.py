"""Read the numbers of Chinese news text: Arabic numerals with decimals and thousands
separators, 万/亿/千/百 multipliers (also chained, as in 1.2万亿), and Chinese numerals
(三十亿, 一千二百, 两, 十, 百分之三十, 三点五).

Values are Decimals so that 270.883亿 is exactly 27088300000, not a float that is
off in the last place. Text is expected folded (ingest.reader.fold): ASCII digits,
ASCII '%' and '.'.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Iterator

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
MULTIPLIERS = {"十": Decimal(10), "百": Decimal(100), "千": Decimal(1000),
               "万": Decimal(10_000), "亿": Decimal(100_000_000)}

# Arabic number: 1,234,567.89 | 7 315 (space-grouped, as typeset in some papers) | 12.5 | 12
ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u2009\u202f]\d{3})+(?![\d.])|\d+)(?:\.\d+)?"
# A run of Chinese numeral characters; validity is decided by parse_chinese.
CHINESE = r"[零〇一二两三四五六七八九十百千万亿](?:[零〇一二两三四五六七八九十百千万亿]|点(?=[零〇一二两三四五六七八九]))*"
MULTIPLIER_RUN = r"(?:[十百万亿]|千(?!瓦)){1,3}"  # (万千瓦时: 千 starts the unit)
# Bounds that keep hostile text cheap: no figure in any statistics is written with more
# digits or numeral characters than these (a trillion yuan is 13 digits).
MAX_DIGITS = 24
MAX_NUMERAL_CHARS = 24

_ARABIC_FULL = re.compile(rf"({ARABIC})({MULTIPLIER_RUN})?")
_CHINESE_FULL = re.compile(CHINESE)
_NUMBER_TOKEN = re.compile(rf"(?P<arabic>{ARABIC})(?P<mult>{MULTIPLIER_RUN})?|(?P<chinese>{CHINESE})")
_SEPARATORS = re.compile(r"[, \u2009\u202f]")


@dataclass(frozen=True)
class NumberToken:
    """A number found in text: ``text[start:end]`` reads as ``value``."""

    start: int
    end: int
    text: str
    value: Decimal
    chinese: bool


def parse_arabic(text: str) -> Decimal | None:
    """'1,234.5' -> 1234.5; '7 315' -> 7315; None when the text is not one Arabic number."""
    if len(text) > MAX_DIGITS * 2 or not re.fullmatch(ARABIC, text) \
            or sum(ch.isdigit() for ch in text) > MAX_DIGITS:
        return None
    try:
        return Decimal(_SEPARATORS.sub("", text))
    except InvalidOperation:
        return None


def multiplier(run: str) -> Decimal:
    """'万亿' -> 10**12, '千万' -> 10**7: chained multipliers multiply."""
    factor = Decimal(1)
    for ch in run:
        factor *= MULTIPLIERS[ch]
    return factor


def _parse_below_wan(text: str) -> int | None:
    """Chinese numeral below 10,000 ('一千二百零五', '十五', '两'); None when malformed."""
    if not text:
        return 0
    total = 0
    digit: int | None = None
    last_unit = 10_000
    for ch in text:
        if ch in CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row: 二〇二一 (a year) or 十四五 (a plan name)
            if ch in "零〇":
                continue
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[ch]
            if unit >= last_unit:
                return None  # units must descend: 百十 is not a number
            if digit is None and not (ch == "十" and total == 0):
                return None  # only a leading 十 may stand alone (十五 = 15)
            total += (1 if digit is None else digit) * unit
            digit = None
            last_unit = unit
        else:
            return None
    if digit is not None:
        # 一万二 style abbreviations are rare in news; a trailing digit is a units digit.
        total += digit
    return total


def _parse_chinese_integer(text: str) -> int | None:
    for big, factor in (("亿", 100_000_000), ("万", 10_000)):
        i = text.rfind(big)
        if i >= 0:
            head, tail = text[:i], text[i + 1:]
            left = _parse_chinese_integer(head) if head else 1
            right = _parse_chinese_integer(tail) if tail else 0
            if left is None or right is None or left == 0:
                return None
            if big == "万" and right >= 10_000:
                return None
            if tail and right >= factor:
                return None
            return left * factor + right
    return _parse_below_wan(text)


def parse_chinese(text: str) -> Decimal | None:
    """'三十亿' -> 3000000000, '一千二百' -> 1200, '两' -> 2, '三点五' -> 3.5; None if malformed."""
    if not text or len(text) > MAX_NUMERAL_CHARS:
        return None  # 万万万…: not a number anyone writes (and deep to parse)
    whole, _, frac = text.partition("点")
    if "点" in frac or (_ and not frac):
        return None
    value = _parse_chinese_integer(whole)
    if value is None:
        return None
    if not frac:
        return Decimal(value)
    if any(ch not in CN_DIGITS for ch in frac):
        return None
    return Decimal(f"{value}.{''.join(str(CN_DIGITS[ch]) for ch in frac)}")


def parse_number(text: str) -> Decimal | None:
    """One number, whole string: '27.1亿' -> 2710000000, '1.2万亿', '三十亿', '1,234'.

    Returns None for anything else (and for empty text); never raises.
    """
    text = text.strip()
    m = _ARABIC_FULL.fullmatch(text)
    if m:
        base = parse_arabic(m.group(1))
        if base is None:
            return None
        return base * multiplier(m.group(2)) if m.group(2) else base
    if _CHINESE_FULL.fullmatch(text):
        return parse_chinese(text)
    return None


def scan_numbers(text: str) -> Iterator[NumberToken]:
    """Every readable number in running text, left to right, never overlapping."""
    for m in _NUMBER_TOKEN.finditer(text):
        value = parse_number(m.group())
        if value is not None:
            yield NumberToken(m.start(), m.end(), m.group(), value, m.group("chinese") is not None)


_CN_DIGIT_CHARS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """Write a non-negative integer in Chinese numerals (12000 -> 一万二千); the inverse of parse_chinese."""
    if n < 0:
        raise ValueError("negative numbers have no Chinese numeral here")
    if n == 0:
        return "零"
    parts: list[str] = []
    for factor, name in ((100_000_000, "亿"), (10_000, "万")):
        if n >= factor:
            parts.append(to_chinese(n // factor) + name)
            n %= factor
            if 0 < n < factor // 10:
                parts.append("零")
    if n:
        parts.append(_below_wan(n))
    return "".join(parts)


def _below_wan(n: int) -> str:
    out: list[str] = []
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, unit)
        if d:
            if zero:
                out.append("零")
                zero = False
            out.append(_CN_DIGIT_CHARS[d] + name)
        elif out:
            zero = True
    text = "".join(out)
    return text[1:] if text.startswith("一十") else text
