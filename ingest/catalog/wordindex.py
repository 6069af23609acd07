"""Finding any of a few thousand words (the names of regions) in text, the longest first at
each position, left to right: what a regular expression alternating the words, longest
first, finds, and the same re.Match objects, in a small part of its time.

Python's re tries the branches of an alternation one by one: with 2,300 region names, and
even as a trie of their characters (沧州(?:市|经济开发区)?…) whose first level still has 273
branches, a microsecond went by at every position where a name's first character stands.
Here a dictionary picks the one branch: positions where a name may start are found by one
character class, those whose first two characters start no name are passed over with a set
look-up, and the rest are matched by the trie of the names with that first character only.
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Iterator


class WordIndex:
    """Any of the words, the longest first at each position (finditer and match, as re does)."""

    def __init__(self, words: Iterable[str]) -> None:
        words = {w for w in words if w}
        trie: dict[str, Any] = {}
        for w in words:
            node = trie
            for c in w:
                node = node.setdefault(c, {})
            node[""] = {}       # a word ends here
        self._starts = _starts(words)
        # A word's first two characters (a one-character word is its own first two).
        self._pairs = frozenset(w[:2] for w in words)
        self._at = {c: re.compile(re.escape(c) + trie_pattern(child)) for c, child in trie.items()}

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """The longest word at pos, or None."""
        if pos >= len(text) or (text[pos:pos + 2] not in self._pairs and text[pos] not in self._pairs):
            return None
        branch = self._at.get(text[pos])
        return branch.match(text, pos) if branch is not None else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The words of text, left to right, each the longest at its position, none overlapping."""
        end = 0
        pairs, at = self._pairs, self._at
        for start in self._starts.finditer(text):
            pos = start.start()
            if pos < end or (text[pos:pos + 2] not in pairs and text[pos] not in pairs):
                continue
            m = at[text[pos]].match(text, pos)
            if m is not None:
                end = m.end()
                yield m


def _starts(words: set[str]) -> re.Pattern[str]:
    """Where one of the words may start: a one-character word, or the first and second
    characters of a longer one (each from the set of such characters)."""
    def chars(cs: Iterable[str]) -> str:
        return "".join(re.escape(c) for c in sorted(set(cs)))

    ones, longer = [w for w in words if len(w) == 1], [w for w in words if len(w) > 1]
    either = ([f"[{chars(ones)}]"] if ones else []) + \
        ([f"[{chars(w[0] for w in longer)}][{chars(w[1] for w in longer)}]"] if longer else [])
    return re.compile(f"(?={'|'.join(either)})" if either else "(?!)")


def trie_pattern(node: dict[str, Any]) -> str:
    """The pattern of a trie node's continuations. Branches start with different characters,
    so at most one can go on; where a word ends inside a longer one, the rest is optional and
    greedy: the longest word that matches wins, as in an alternation of the words longest first."""
    branches = [re.escape(c) + trie_pattern(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" not in node:
        return body
    return f"{body}?" if len(body) == 1 else f"(?:{body})?"
