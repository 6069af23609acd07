"""Sentences and clauses: where they begin and end, and the enumeration marks that open them."""
from __future__ import annotations

import re


_SENTENCE_END = re.compile(r"[。！？!?]")
_CLAUSE_BREAK = re.compile(r"[,，;；:：。！？!?|｜]")
_SENTENCE = re.compile(r"[^。！？!?；;]*(?:[。！？!?；;]+[”’」』\"']*|$)")


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


def _full_sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding pos begins when only full stops end sentences (not ；)."""
    i = pos - 1
    while i >= 0 and text[i] not in "。！？!?":
        i -= 1
    return i + 1


_ENUMERATION = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}是|[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[、.)](?!\d))\s*")


def _sentence_head(text: str, start: int) -> int:
    """Where a sentence's own words begin, after an enumeration mark such as （一） or 一是."""
    m = _ENUMERATION.match(text, start)
    return m.end() if m else start
