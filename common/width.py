"""How many columns text takes in a monospaced terminal or editor: East Asian wide and
fullwidth characters take two (unicodedata's East Asian Width, the standard tabulate and
wcwidth use too). One home for the reader (hard-wrapped lines) and the CLI tables."""
from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
