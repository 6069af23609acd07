"""The catalog's word indexes (ingest/catalog/wordindex.py, load.py, model.py) agree with their
plain definitions: any of the words, the longest first at each position, left to right."""
from __future__ import annotations

import random
import re

import pytest

from ingest.catalog import catalog
from ingest.catalog.wordindex import WordIndex


def _alternation(words: set[str]) -> re.Pattern[str]:
    """The plain definition: an alternation of the words, the longest first."""
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _region_words() -> set[str]:
    cat = catalog()
    return set(cat._region_names) | {a for r in cat.regions.values() for a in r.context_aliases}


def _texts(words: list[str], seed: int) -> list[str]:
    """Texts made of the words, pieces of them and filler, so that words overlap, nest and
    break off at the end of a text."""
    rng = random.Random(seed)
    out = []
    for _ in range(300):
        parts = []
        for _ in range(rng.randint(1, 8)):
            w = rng.choice(words)
            parts.append(rng.choice([w, w[:-1], w[1:], w + w[:2], "，全市", "增长", "和"]))
        out.append("".join(parts))
    return out


@pytest.mark.parametrize("words", [
    {"沧州", "沧州市", "沧州经济开发区", "沧县", "州", "河北", "河北省", "a.b", "a"},
    set(),
])
def test_a_word_index_finds_the_longest_word_at_each_position(words):
    pattern = WordIndex(words)
    if not words:
        assert pattern.match("沧州市") is None and list(pattern.finditer("沧州市")) == []
        return
    plain = _alternation(words)
    for text in _texts(sorted(words), 1) + ["沧州经济开发", "沧州市沧县a.ba", "河北省沧州经济开发区", "州"]:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        for pos in range(len(text) + 2):
            assert _span(pattern.match(text, pos)) == _span(plain.match(text, pos)), (text, pos)


def test_the_region_index_agrees_with_the_alternation_of_the_catalogs_region_names():
    words = _region_words()
    pattern, plain = WordIndex(words), _alternation(words)
    assert catalog()._region_pattern is not None
    for text in _texts(sorted(words), 2) + sorted(words):
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        assert _span(pattern.match(text)) == _span(plain.match(text)), text


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return m.span() if m else None


def test_tokens_kept_per_text_are_those_a_fresh_scan_finds(monkeypatch):
    cat = catalog()
    words = sorted(cat._vocabulary)
    monkeypatch.setattr("ingest.catalog.model.KEPT", 50)
    cat.kept("tokens").clear()
    for text in _texts(words, 3) + _texts(words, 3):    # each text twice: the second time from what was kept
        assert cat.tokens(text) == cat._scan(text), text
        assert len(cat.kept("tokens")) <= 50      # (emptied when full: the words of a text are read again)
    found = cat.tokens(words[0])
    found.clear()                                        # a caller's list is its own
    assert cat.tokens(words[0]) == cat._scan(words[0]) != []


def test_what_is_read_in_a_long_text_is_not_kept():
    cat = catalog()
    cat.kept("tokens").clear()
    long_text = "规模以上工业增加值" * 100           # longer than KEPT_TEXT
    assert cat.tokens(long_text) == cat._scan(long_text) != []
    assert long_text not in cat.kept("tokens")
    assert cat.tokens("规模以上工业增加值") and "规模以上工业增加值" in cat.kept("tokens")
