"""How many columns text takes in a monospaced terminal or editor, by wcwidth (the library
tabulate and prompt_toolkit use): East Asian wide and fullwidth characters take two, combining
marks and zero-width characters none. One home for the reader (hard-wrapped lines) and the CLI
tables."""
from __future__ import annotations

from wcwidth import wcswidth, wcwidth


def display_width(text: str) -> int:
    width = wcswidth(text)
    if width >= 0:
        return int(width)
    # A control character (a tab, an escape in a hostile file) makes wcswidth give up: count the
    # others and let it take none.
    return sum(max(int(wcwidth(ch)), 0) for ch in text)
