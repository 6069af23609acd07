"""A regular expression guarded by the characters its matches can start with.

Python's re tries every branch of an alternation at every position of the text; a pattern of
twenty branches (the time phrases) cost microseconds per character even where nothing can
start, seconds on a megabyte. `guarded` puts a lookahead on the possible first characters
in front: a position no match can start at fails after one character-class test. The set is
read from the pattern's parse tree and is a superset (lookarounds are skipped), so matches
are exactly those of the pattern itself."""
from __future__ import annotations

import re

# re's parser is private and typeshed has no stubs for it (hence the ignores); it is only read,
# and tests/test_patterns.py checks that a guarded pattern finds exactly the matches of the pattern.
import re._constants as C  # type: ignore[import-not-found]
import re._parser as P  # type: ignore[import-not-found]
from typing import Any

_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_SPACE: r"\s", C.CATEGORY_WORD: r"\w"}


def _first(items: list[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """(first characters, whether the sequence can match the empty string)."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _first_of(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_of(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    if op is C.LITERAL:
        return {re.escape(chr(av))}, False
    if op is C.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is C.LITERAL:
                chars.add(re.escape(chr(value)))
            elif kind is C.RANGE:
                chars.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            elif kind is C.CATEGORY and value in _CATEGORIES:
                chars.add(_CATEGORIES[value])
            else:
                return None, False
        return chars, False
    if op is C.SUBPATTERN:
        return _first(av[3])
    if op is C.BRANCH:
        out: set[str] = set()
        nullable = False
        for alternative in av[1]:
            found, empty = _first(alternative)
            if found is None:
                return None, False
            out |= found
            nullable = nullable or empty
        return out, nullable
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        found, empty = _first(av[2])
        return found, empty or av[0] == 0
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):  # zero width: what follows starts the match
        return set(), True
    return None, False


def first_characters(pattern: re.Pattern[str]) -> str | None:
    """A character class (without brackets) every match of ``pattern`` starts with; None when
    any character may start one (., a negated class, an empty match, ignored case)."""
    if pattern.flags & re.IGNORECASE:
        return None
    chars, nullable = _first(P.parse(pattern.pattern, pattern.flags))
    if chars is None or nullable:
        return None
    return "".join(sorted(chars))


def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a lookahead on its first characters: the same matches, found faster."""
    chars = first_characters(pattern)
    if chars is None:
        return pattern
    return re.compile(f"(?=[{chars}])(?:{pattern.pattern})", pattern.flags)
