"""Plain-text tables for the terminal, aligned for Chinese (wide) characters."""
from __future__ import annotations

from typing import Sequence

from common.formatting import format_value
from common.width import display_width


def width(text: str) -> int:
    return display_width(text)


def clip(text: str, limit: int) -> str:
    """Cut text to at most ``limit`` columns, marking the cut with …."""
    text = " ".join(str(text).split())
    if width(text) <= limit:
        return text
    out, used = [], 0
    for c in text:
        w = width(c)
        if used + w > limit - 1:
            break
        out.append(c)
        used += w
    return "".join(out) + "…"


def render(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max(width(r[i]) for r in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(v + " " * (widths[i] - width(v)) for i, v in enumerate(row)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def human(value: float | None, unit: str, digits: int = 6) -> str:
    """3221000000 元 -> 32.21亿元; 34 微克/立方米 -> 34微克/立方米: the one formatting of
    common.formatting. ``digits=4`` marks a derived value, rounded once to four significant digits."""
    return format_value(value, unit, derived=digits < 6)
