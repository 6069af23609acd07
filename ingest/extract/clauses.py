"""Sentences and clauses: where they begin and end, and the enumeration marks that open them."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

_SENTENCE_END = re.compile(r"[。！？!?]")
_CLAUSE_BREAK = re.compile(r"[,，;；:：。！？!?|｜]")
_SENTENCE = re.compile(r"[^。！？!?；;]*(?:[。！？!?；;]+[”’」』\"']*|$)")


def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _SENTENCE.finditer(text):
        if m.end() > m.start():
            spans.append((m.start(), m.end()))
    return spans


# Where the breaks of a paragraph are, found once per paragraph: looking back from every
# figure character by character made a long list (8,000 figures joined by 、) quadratic.
@lru_cache(maxsize=64)
def _positions(text: str, marks: str) -> tuple[int, ...]:
    return tuple(m.start() for m in _mark_pattern(marks).finditer(text))


@lru_cache(maxsize=None)
def _mark_pattern(marks: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(marks)}]")


_CLAUSE_MARKS = ",，;；:：。！？!?|｜"
_SENTENCE_MARKS = "。！？!?；;"
_FULL_STOP_MARKS = "。！？!?"


def _last_before(text: str, marks: str, pos: int, floor: int) -> int:
    """One past the last mark in [floor, pos), or floor when there is none."""
    breaks = _positions(text, marks)
    i = bisect_left(breaks, pos) - 1
    return breaks[i] + 1 if i >= 0 and breaks[i] >= floor else floor


def _sentence_start(text: str, pos: int) -> int:
    return _last_before(text, _SENTENCE_MARKS, pos, 0)


def _clause_start(text: str, pos: int, floor: int = 0) -> int:
    return _last_before(text, _CLAUSE_MARKS, pos, floor)


def _clause_end(text: str, pos: int, ceiling: int) -> int:
    breaks = _positions(text, _CLAUSE_MARKS)
    i = bisect_right(breaks, pos - 1)
    return breaks[i] if i < len(breaks) and breaks[i] < ceiling else ceiling


def _full_sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding pos begins when only full stops end sentences (not ；)."""
    return _last_before(text, _FULL_STOP_MARKS, pos, 0)


_ENUMERATION = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}是|[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[、.)](?!\d))\s*")


# A news dateline opening the lead: 本报讯, 河北新闻网讯（通讯员王晓桐、陈彬）, 深圳新闻网2024年1月19日讯.
_DATELINE = re.compile(r"(?:本报|本台|本网|本刊|[\u4e00-\u9fff]{2,8}?)(?:[\u4e00-\u9fff]{0,6}?(?:\d{4}年)?\d{1,2}月\d{1,2}日)?[讯电]"
                       r"\s*(?:[（(][^()（）。]{0,40}[)）])?\s*")


def _sentence_head(text: str, start: int) -> int:
    """Where a sentence's own words begin, after an enumeration mark such as （一） or 一是, or
    after the dateline of a news lead (河北新闻网讯（通讯员…）3月10日，…), and after the spaces a web
    copy leaves between sentences (…888平方公里。 2006年，…)."""
    while start < len(text) and text[start] in _BLANKS:
        start += 1
    m = _ENUMERATION.match(text, start) or _DATELINE.match(text, start)
    return m.end() if m else start


_BLANKS = frozenset(" \t\u00a0\u3000")
