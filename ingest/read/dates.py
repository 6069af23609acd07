"""Publication dates as articles and their file names and URLs write them.

Month and day in Chinese numerals (八月十日) are read by ingest.numbers.parse_chinese, which
gives the same value as the reader's own small table did on every string the date pattern
admits (one to three of 一…九 and 十); years in Chinese digits (二〇二二) are read digit by digit.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from ingest.numbers import CN_DIGITS, parse_chinese

_DATE_CN = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]")
_DATE_ISO = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d.]?\d)")
_DATE_HANZI = re.compile(r"(?P<y>[〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,2})\s*月\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日")
_DATE_COMPACT = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)")
_DATE_URL = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-?(?P<m>[01]\d)/(?P<d>[0-3]\d)/")
# Digits of a year written in Chinese; ○ (a white circle) often stands for 〇.
_YEAR_DIGIT = {**CN_DIGITS, "○": 0}


def _hanzi_date(m: re.Match[str]) -> date | None:
    """The date of a _DATE_HANZI match, or None when it is no calendar date (十十月, 二月三十日)."""
    year = int("".join(str(_YEAR_DIGIT[c]) for c in m["y"]))
    month, day = parse_chinese(m["m"]), parse_chinese(m["d"])
    if month is None or day is None:
        return None
    try:
        return date(year, int(month), int(day))
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    """The first full date in text: 2022年08月10日, 2022-08-10, 2022/8/10, 2022.08.10, 二〇二二年八月十日."""
    found: list[tuple[int, date]] = []
    for pattern in (_DATE_CN, _DATE_ISO):
        for m in pattern.finditer(text):
            try:
                found.append((m.start(), date(int(m["y"]), int(m["m"]), int(m["d"]))))
                break
            except ValueError:
                continue
    hanzi = _DATE_HANZI.search(text)
    if hanzi:
        day = _hanzi_date(hanzi)
        if day is not None:
            found.append((hanzi.start(), day))
    return min(found, key=lambda f: f[0])[1] if found else None


def parse_loose_date(text: str) -> date | None:
    """A date in a file name or URL: any parse_date form, 20220810, or …/2022-08/10/…."""
    found = parse_date(text)
    if found:
        return found
    for pattern in (_DATE_URL, _DATE_COMPACT):
        for m in pattern.finditer(text):
            try:
                return date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
    return None


def as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # date: 20220810 in front matter
    if isinstance(value, str):
        return parse_date(value) or parse_loose_date(value) or _iso(value)
    return None


def _iso(value: str) -> date | None:
    """An ISO date outside the years articles are written in (0001-01-01): a date all the
    same, which ingest.limits then refuses with the reason."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None
