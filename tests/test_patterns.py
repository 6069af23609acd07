"""ingest/patterns.py: a guarded pattern finds exactly what the pattern finds."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from ingest.patterns import first_characters, guarded
from ingest.periods.phrases import _TIME

PATTERNS = [
    re.compile(r"(?P<a>(?:19|20)\d{2})\s*年|(?<![每])当年|(?:近|过去)(?P<n>\d{1,2}|[一二三])个?年"),
    re.compile(r"[a-c]x|\sy|(?=q)q+|(?:z)?w"),
]


def test_first_characters_of_a_pattern():
    assert first_characters(re.compile("ab|c[de]|(?:f)?g")) == "acfg"
    assert first_characters(re.compile(r"(?<!x)\d年")) == r"\d"
    # Anything may start these: no guard.
    assert first_characters(re.compile("a|.b")) is None
    assert first_characters(re.compile("[^a]b")) is None
    assert first_characters(re.compile("a?")) is None
    assert first_characters(re.compile("a", re.IGNORECASE)) is None


@given(st.text(alphabet="1920年当每近过去个一三二abcxyqzw \u3000５", max_size=80))
def test_guarded_patterns_find_the_same_matches(text):
    for pattern in PATTERNS:
        assert [m.span() for m in guarded(pattern).finditer(text)] == [m.span() for m in pattern.finditer(text)]
        assert [m.groupdict() for m in guarded(pattern).finditer(text)] == [m.groupdict() for m in pattern.finditer(text)]


def test_the_time_phrases_are_guarded():
    assert _TIME.pattern.startswith("(?=[")
    assert [m.group() for m in _TIME.finditer("2021年上半年，截至目前，近三年来")] == ["2021年上半年", "截至目前", "近三年"]
