"""How many columns text takes in a monospaced terminal or editor, by wcwidth (the library
tabulate and prompt_toolkit use): East Asian wide and fullwidth characters take two, combining
marks and zero-width characters none. One home for the reader (hard-wrapped lines) and the CLI
tables."""
from __future__ import annotations

import re

from wcwidth import wcswidth, wcwidth

# Lines of articles are printable ASCII, CJK ideographs, CJK punctuation, fullwidth forms and a
# few Western punctuation marks (quotes, dashes, the middle dot) almost always. Their widths are
# fixed (the same answers wcwidth gives: one column for ASCII and the Western marks, two for the
# others), so such a line is measured with two regular-expression calls instead of one wcwidth
# call per character, which was a third of the time of reading an article.
_NARROW = "\x20-\x7e\u00b7\u2013\u2014\u2018\u2019\u201c\u201d\u2026"
_PLAIN = re.compile(rf"[{_NARROW}\u3001-\u3029\u3030-\u303e\u4e00-\u9fff\uff01-\uff60]*")
_NARROW_RUN = re.compile(rf"[{_NARROW}]+")


def display_width(text: str) -> int:
    if _PLAIN.fullmatch(text):
        return 2 * len(text) - sum(map(len, _NARROW_RUN.findall(text)))
    width = wcswidth(text)
    if width >= 0:
        return int(width)
    # A control character (a tab, an escape in a hostile file) makes wcswidth give up: count the
    # others and let it take none.
    return sum(max(int(wcwidth(ch)), 0) for ch in text)
