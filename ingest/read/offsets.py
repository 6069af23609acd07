"""Text with an offset map: a Line of body text and the edits that keep its map true.

``offsets[i]`` is the position in the article's source of ``text[i]``. Text is changed
only one character for one character (folding), by dropping characters, or by one inserted
separator that stands on the whitespace, pipe or tag that made it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.read.text import FOLD_TABLE, INVISIBLE, fold

CELL_SEPARATOR = "\t"


@dataclass
class Line:
    """One line of body text with its offset map: a line of a text file, or a block of HTML."""

    text: str
    offsets: list[int]
    kind: str = "text"          # text | heading | row | item (bullet) | enum (numbered point) | blank
    width: int = 0              # display columns of the raw line, indentation included
    chars: int = 0              # characters of the raw line, indentation included
    indented: bool = False
    end: int = -1               # source offset of the line break after the line


BLANK = Line("", [], "blank")


def take(source: str, a: int, b: int) -> tuple[str, list[int]]:
    """source[a:b] folded, invisible characters dropped, with the offset of each character."""
    seg = source[a:b]
    if not INVISIBLE.search(seg):
        return seg.translate(FOLD_TABLE), list(range(a, b))
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(seg, a):
        if not INVISIBLE.match(ch):
            chars.append(fold(ch))
            offsets.append(i)
    return "".join(chars), offsets


def strip_text(text: str, offsets: list[int], chars: str = " \t") -> tuple[str, list[int]]:
    lo, hi = 0, len(text)
    while lo < hi and text[lo] in chars:
        lo += 1
    while hi > lo and text[hi - 1] in chars:
        hi -= 1
    return text[lo:hi], offsets[lo:hi]


def delete_spans(text: str, offsets: list[int], spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """Drop text[i:j] for each (i, j) in spans (sorted, not overlapping)."""
    if not spans:
        return text, offsets
    out_t: list[str] = []
    out_o: list[int] = []
    pos = 0
    for i, j in spans:
        out_t.append(text[pos:i])
        out_o.extend(offsets[pos:i])
        pos = max(pos, j)
    out_t.append(text[pos:])
    out_o.extend(offsets[pos:])
    return "".join(out_t), out_o


def as_row(text: str, offsets: list[int], pattern: str) -> tuple[str, list[int]]:
    """Cells separated by runs matching pattern -> cells separated by one CELL_SEPARATOR each."""
    out_t: list[str] = []
    out_o: list[int] = []
    pos = 0
    for m in re.finditer(pattern, text):
        out_t.append(text[pos:m.start()])
        out_o.extend(offsets[pos:m.start()])
        out_t.append(CELL_SEPARATOR)
        out_o.append(offsets[m.start()])
        pos = m.end()
    out_t.append(text[pos:])
    out_o.extend(offsets[pos:])
    return "".join(out_t), out_o


# --------------------------------------------------------------------------- pipe tables

# A pipe-table row in plain text: starts and ends with a pipe, with a cell between.
PIPE_ROW = re.compile(r"^\|[^|]*\|.*\|$")
PIPE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?$|^\|\s*:?-{2,}:?\s*\|$")


def pipe_cells(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """| 工业总产值（亿元） | 120.5 | 131.2 | -> cells separated by CELL_SEPARATOR."""
    if text.startswith("|"):
        text, offsets = text[1:], offsets[1:]
    if text.rstrip().endswith("|"):
        k = len(text.rstrip()) - 1
        text, offsets = text[:k], offsets[:k]
    text, offsets = strip_text(text, offsets, " \t")
    text, offsets = as_row(text, offsets, r"\s*(?<!\\)\|\s*")
    # Empty cells at the end (|园区||) leave separators with nothing after them; empty
    # cells at the start stay, as they keep the columns of a header row in place.
    end = len(text.rstrip(" \t"))
    return text[:end], offsets[:end]
