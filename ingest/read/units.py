"""Lines -> units: blank lines, headings, rows and list items separate units; hard-wrapped
lines (and, in soft mode, lines that do not end a sentence) join into one paragraph."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.read.offsets import PIPE_RULE, Line, pipe_cells

# Characters that end a sentence: a line ending in one of these is running text, not a heading.
SENTENCE_END = "。！？!?；;….．"
# Closing quotes and brackets may follow the sentence end (……增长20%。”).
_CLOSERS = "”\"」』’'）)】]》〉"
HEADING_MAX = 40


def ends_sentence(text: str) -> bool:
    t = text.rstrip(" \t" + _CLOSERS)
    return bool(t) and t[-1] in SENTENCE_END


def looks_like_heading(text: str) -> bool:
    text = text.strip()
    if not text or len(text) > HEADING_MAX:
        return False
    if ends_sentence(text) or text[-1] in ",，:：、" or "。" in text:
        return False
    return bool(re.search(r"[^\W\d_]", text))


@dataclass
class Unit:
    """A paragraph, heading or table row before it becomes a Paragraph."""

    kind: str                   # para | heading | row | item (a bulleted item: never a heading)
    text: str
    offsets: list[int]
    lines: int = 1


@dataclass
class Wrap:
    """How the text was hard-wrapped: lines at least ``full`` wide continue on the next line."""

    measure: str                # width | chars
    full: int
    indent_starts: bool         # an indented line starts a paragraph


def detect_wrap(lines: list[Line]) -> Wrap | None:
    """Find a fixed line width that most lines fill: the mark of hard-wrapped text."""
    cand = [ln for ln in lines if ln.kind in ("text", "item", "enum")]
    if len(cand) < 4:
        return None
    best: tuple[int, int, str, int] | None = None
    for measure in ("width", "chars"):
        counts = Counter(getattr(ln, measure) for ln in cand)
        for w in counts:
            if w < 8 or w > 200:
                continue
            tol = max(2, round(w * 0.12))
            n = sum(c for x, c in counts.items() if w - tol <= x <= w + 2)
            key = (n, w, measure, tol)
            if best is None or key[:2] > best[:2]:
                best = key
    if best is None:
        return None
    n, w, measure, tol = best
    if n < max(3, 0.35 * len(cand)):
        return None
    longer = sum(1 for ln in cand if getattr(ln, measure) > w + 2)
    if longer > 0.1 * len(cand):
        return None
    full = [ln for ln in cand if getattr(ln, measure) >= w - tol]
    if sum(1 for ln in full if ends_sentence(ln.text)) >= 0.5 * len(full):
        return None  # one paragraph per line that happen to be alike in length
    indented = sum(1 for ln in cand if ln.indented)
    return Wrap(measure, w - tol, indent_starts=0 < indented < len(cand) * 0.8)


def _joins(prev: Line, line: Line, wrap: Wrap | None, soft: bool) -> bool:
    """Whether line continues the paragraph that prev ended."""
    if prev.kind not in ("text", "item", "enum") or line.kind != "text":
        return False
    if wrap is not None:
        if wrap.indent_starts and line.indented:
            return False
        return getattr(prev, wrap.measure) >= wrap.full
    if soft:
        return not (ends_sentence(prev.text) or looks_like_heading(prev.text) or prev.text[-1] in ":：")
    return False


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


# A cell that holds a figure: a number with the signs and words a statistics table puts
# around it (600以上, 约5, ≥90, -2.4%, 386.2亿元).
_NUMBER_CELL = re.compile(r"(?:约|近|超过|超|逾|不低于|不少于|不超过|不到|不足|≥|≤|>|<|＞|＜)?[-−+]?\d[\d,]*(?:\.\d+)?"
                          r"[十百千万亿]*(?:[%‰]|[^\d\s|年月日号版期届次]{0,3}?)(?:以上|以下|左右|以内|上下)?")
_BARE_PIPE = re.compile(r"\s*\|\s*")


def _bare_pipe_cells(text: str) -> list[str] | None:
    """The cells of a line written as ``a | b | c`` (outer pipes optional), or None when the
    line has fewer than two separators."""
    inner = text.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    cells = _BARE_PIPE.split(inner.strip())
    return cells if len(cells) >= 3 else None


def _bare_pipe_tables(lines: list[Line]) -> list[Line]:
    """Plain-text tables whose cells are split by `` | `` with no pipes at the ends of the lines
    (指标 | 2020年 | 2025年目标 / 地区生产总值（亿元） | 386.2 | 600以上): two or more lines in a
    row (blank lines between allowed) with the same number of separators, one of them with a
    number in a cell, become table rows. A navigation bar (首页 | 新闻 | 政务) is one line with
    no numbers, so it stays text."""
    out = list(lines)
    i = 0
    n = len(out)
    while i < n:
        line = out[i]
        cells = _bare_pipe_cells(line.text) if line.kind == "text" and "|" in line.text else None
        if cells is None:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < n:
            nxt = out[j]
            if nxt.kind.startswith("blank"):
                j += 1
                continue
            if nxt.kind == "text" and PIPE_RULE.match(nxt.text):
                run.append(j)
                j += 1
                continue
            other = _bare_pipe_cells(nxt.text) if nxt.kind == "text" and "|" in nxt.text else None
            if other is None or len(other) != len(cells):
                break
            run.append(j)
            j += 1
        rows = [k for k in run if not PIPE_RULE.match(out[k].text)]
        numbered = any(_NUMBER_CELL.fullmatch(c.strip()) for k in rows for c in _bare_pipe_cells(out[k].text) or [])
        if len(rows) >= 2 and numbered:
            for k in run:
                ln = out[k]
                if PIPE_RULE.match(ln.text):
                    out[k] = Line("", [], "blank-row")
                    continue
                text, offsets = pipe_cells(ln.text, ln.offsets)
                out[k] = Line(text, offsets, "row", width=ln.width, chars=ln.chars, indented=ln.indented, end=ln.end)
        # Lines inside a run that failed form only shorter runs, which fail too.
        i = max(j, i + 1)
    return out


def group_lines(lines: list[Line], soft: bool | None = None) -> list[Unit]:
    """Join lines into units: blank lines, headings, rows and list items separate them;
    hard-wrapped lines (and, in soft mode, lines that do not end a sentence) join."""
    lines = _bare_pipe_tables(lines)
    wrap = detect_wrap(lines)
    if soft is None:
        texts = sum(1 for ln in lines if ln.kind != "blank")
        blanks = sum(1 for a, b in zip(lines, lines[1:]) if a.kind != "blank" and b.kind == "blank")
        soft = texts > 0 and blanks >= 0.4 * texts
    units: list[Unit] = []
    cur: Unit | None = None
    prev: Line | None = None
    for line in lines:
        if line.kind.startswith("blank"):
            if line.kind == "blank":
                cur, prev = None, None
            continue
        if cur is not None and prev is not None and _joins(prev, line, wrap, soft):
            if _ascii_word(cur.text[-1]) and _ascii_word(line.text[0]):
                cur.text += " "
                cur.offsets.append(prev.end if prev.end >= 0 else prev.offsets[-1])
            cur.text += line.text
            cur.offsets.extend(line.offsets)
            cur.lines += 1
        else:
            kind = {"heading": "heading", "row": "row", "item": "item"}.get(line.kind, "para")
            cur = Unit(kind, line.text, list(line.offsets))
            units.append(cur)
            if kind in ("heading", "row"):
                cur = None
        prev = line
    return units
