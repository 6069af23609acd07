"""Source text -> Lines: each line cleaned (folded, indentation and invisible characters
dropped, Markdown markup removed when asked) and marked as text, a table row, a bulleted
item or a numbered point, with blank lines kept as BLANK."""
from __future__ import annotations

import re

from common.width import display_width
from ingest.read.markup import markdown_line
from ingest.read.offsets import (
    BLANK,
    CELL_SEPARATOR,
    PIPE_ROW,
    PIPE_RULE,
    Line,
    as_row,
    delete_spans,
    pipe_cells,
    strip_text,
    take,
)

NEWLINE = re.compile(r"\r\n|\r|\n")
# A numbered point starts a new paragraph; it may be a heading (一、工业生产).
_ENUM = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.]|\d{1,2}(?:[、)]|\.(?!\d))"
    r"|[一二三四五六七八九十]是|其[一二三四五六七八九十]是?[，,、]|第[一二三四五六七八九十]{1,3}[，,、是])")
# A bulleted item starts a new paragraph and is never a heading.
BULLET = re.compile(r"^[●■◆◇▲△►▶•·※★☆○◎□√]|^[-+*]\s")


def raw_lines(source: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each line of source[start:end], line breaks excluded."""
    end = len(source) if end is None else end
    spans = []
    pos = start
    while pos < end:
        m = NEWLINE.search(source, pos, end)
        spans.append((pos, m.start() if m else end))
        pos = m.end() if m else end
    return spans


def source_lines(source: str, start: int = 0, end: int | None = None, markdown: bool = False) -> list[Line]:
    """The lines of source[start:end], cleaned, with blank lines kept as BLANK."""
    end = len(source) if end is None else end
    lines: list[Line] = []
    pipes: list[bool] = []     # the line is a lone pipe (Markdown reads it as a blank line)
    pos = start
    while pos < end:
        m = NEWLINE.search(source, pos, end)
        l_end, nxt = (m.start(), m.end()) if m else (end, end)
        lines.append(_clean_line(source, pos, l_end, markdown))
        pipes.append(source[pos:l_end].strip() == "|")
        pos = nxt
    lines = _cell_per_line_tables(lines, pipes) if any(pipes) else lines
    return _space_separated_tables(lines)


# A table copied from a web page one cell per line, the cells parted by lines holding a lone
# pipe: 指 标 ⏎|⏎ 绝对数 ⏎|⏎ 比上年增长% ⏎|⏎ 生产总值 ⏎|⏎ 295.4 ⏎|⏎ 7.7 ⏎|⏎ 第一产业 …
_CELL_NUMBER = re.compile(r"[-−+]?\d[\d,]*(?:\.\d+)?%?|[-—–]{1,2}")
_MIN_TABLE_ROWS = 2


def _cell_per_line_tables(lines: list[Line], pipes: list[bool]) -> list[Line]:
    """Runs of such cells rebuilt as rows (cells parted by CELL_SEPARATOR): a header of the
    cells before the first row's label, then rows of a label and its numbers. The cells
    before the header (a caption, 单位:亿元) stay lines of their own; a run that does not
    fall into such rows is left as it was."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        j, cells = i, []
        # a cell is a line of text with a lone pipe after it
        while j < len(lines) and (pipes[j] or (lines[j].kind == "text" and bool(lines[j].text)
                                               and j + 1 < len(lines) and pipes[j + 1])):
            if not pipes[j]:
                cells.append(lines[j])
            j += 1
        table = _table_rows(cells) if len(cells) >= 4 else None
        if table is None:
            out.extend(lines[i:max(j, i + 1)])  # no table: the run stays as it was, read once
            i = max(j, i + 1)
            continue
        out.extend(table)
        i = j
    return out


def _table_rows(cells: list[Line]) -> list[Line] | None:
    """The cells as lines: those before the header as they are, then one row line per row."""
    numeric = [bool(_CELL_NUMBER.fullmatch(c.text)) for c in cells]
    first = next((k for k, n in enumerate(numeric) if n), None)
    if first is None or first < 2:
        return None
    label = first - 1
    following = next((k for k in range(first, len(cells)) if not numeric[k]), None)
    width = (following - label) if following is not None else len(cells) - label
    head = label - width
    if width < 2 or head < 0 or (len(cells) - label) % width or (len(cells) - label) // width < _MIN_TABLE_ROWS:
        return None
    rows = [cells[head:label]] + [cells[k:k + width] for k in range(label, len(cells), width)]
    if any(numeric[head + k] for k in range(width)) or any(
            _CELL_NUMBER.fullmatch(row[0].text) or not all(_CELL_NUMBER.fullmatch(c.text) for c in row[1:])
            for row in rows[1:]):
        return None
    joined: list[Line] = list(cells[:head])
    for row in rows:
        text: list[str] = []
        offsets: list[int] = []
        for k, cell in enumerate(row):
            if k:
                text.append(CELL_SEPARATOR)
                offsets.append(cell.offsets[0])
            text.append(cell.text)
            offsets.extend(cell.offsets)
        joined.append(Line("".join(text), offsets, "row", width=sum(c.width for c in row),
                           chars=sum(c.chars for c in row), end=row[-1].end))
    return joined


# A statistics table whose cells a web page's text copy parts with spaces:
#   绝对额 同比 ⏎ (一) 地区生产总值 487.45 6.8 ⏎ (二) 规上工业总产值 -- 14.8 ⏎ …
# rows of a label and the same count of trailing numbers under a header of that many words.
_TOKEN = re.compile(r"[^ \u3000\t]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_MIN_SPACED_ROWS = 3


def _spaced_row(line: Line) -> tuple[list[re.Match[str]], int] | None:
    """The tokens of a line that reads as a data row, and how many trailing numbers it has."""
    if line.kind not in ("text", "enum") or " " not in line.text:
        return None
    tokens = list(_TOKEN.finditer(line.text))
    n = 0
    while n < len(tokens) and _CELL_NUMBER.fullmatch(tokens[-1 - n].group()):
        n += 1
    label = tokens[:len(tokens) - n]
    if n == 0 or not label or not any(_HAN.search(t.group()) for t in label) \
            or all(_CELL_NUMBER.fullmatch(t.group()) and not t.group().strip("-—–") for t in tokens[len(tokens) - n:]):
        return None
    return tokens, n


def _space_separated_tables(lines: list[Line]) -> list[Line]:
    """Runs of at least three such rows under their header rebuilt as table rows (cells
    parted by CELL_SEPARATOR); anything else is left as it was."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        first = _spaced_row(lines[i])
        if first is None or not out:
            out.append(lines[i])
            i += 1
            continue
        n = first[1]
        j = i
        while j < len(lines) and (row := _spaced_row(lines[j])) is not None and row[1] == n:
            j += 1
        header = out[-1]
        names = list(_TOKEN.finditer(header.text)) if header.kind == "text" else []
        if j - i < _MIN_SPACED_ROWS or len(names) not in (n, n + 1) \
                or any(_CELL_NUMBER.fullmatch(t.group()) for t in names):
            out.extend(lines[i:j] if j > i else lines[i:i + 1])
            i = max(j, i + 1)
            continue
        out[-1] = _joined(header, names, len(names) == n)
        for k in range(i, j):
            tokens, _ = _spaced_row(lines[k]) or ([], 0)
            out.append(_joined(lines[k], tokens, False, label_tokens=len(tokens) - n))
        i = j
    return out


def _joined(line: Line, tokens: list[re.Match[str]], empty_label: bool, label_tokens: int = 1) -> Line:
    """The line as a table row: its first ``label_tokens`` tokens are one label cell (spaces
    kept), each other token a cell of its own; ``empty_label`` puts an empty cell first."""
    text: list[str] = [CELL_SEPARATOR] if empty_label else []
    offsets: list[int] = [line.offsets[tokens[0].start()]] if empty_label else []
    label_end = tokens[label_tokens - 1].end() if label_tokens else 0
    pieces = [(tokens[0].start(), label_end)] if label_tokens else []
    pieces += [(t.start(), t.end()) for t in tokens[label_tokens:]]
    for k, (a, b) in enumerate(pieces):
        if k:
            text.append(CELL_SEPARATOR)
            offsets.append(line.offsets[a])
        text.append(line.text[a:b])
        offsets.extend(line.offsets[a:b])
    return Line("".join(text), offsets, "row", width=line.width, chars=line.chars, end=line.end)


# Mirror sites gloss characters with their pinyin (業(yè)務(wù)增長(cháng)): a syllable with a tone mark in
# brackets right after a Han character is no part of the text (it splits 個(gè)百分點 from its number).
_PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")


def _without_pinyin(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    spans = [m.span() for m in _PINYIN_GLOSS.finditer(text)]
    return delete_spans(text, offsets, spans) if spans else (text, offsets)


def _clean_line(source: str, a: int, b: int, markdown: bool) -> Line:
    raw = source[a:b]
    body = raw.lstrip(" \t\u3000\u00a0")
    indent = raw[:len(raw) - len(body)]
    body = body.rstrip(" \t\u3000\u00a0")
    if not body:
        return BLANK
    lead = len(indent)
    text, offsets = take(source, a + lead, a + lead + len(body))
    text, offsets = strip_text(text, offsets, " \t")
    if not text:
        return BLANK
    if "(" in text:
        text, offsets = _without_pinyin(text, offsets)
    line = Line(text, offsets, "text", width=display_width(raw.rstrip()), chars=len(raw.rstrip()),
                indented=display_width(indent.replace("\t", "    ")) >= 2, end=b)
    if markdown:
        line = markdown_line(line)
        if line.kind == "blank":
            return line
    if not markdown and line.kind == "text" and "|" in line.text:
        # Markdown pipe tables pasted into plain text (a .txt copy of a statistics page).
        if PIPE_RULE.match(line.text):
            return Line("", [], "blank-row")
        if PIPE_ROW.match(line.text) and re.search(r"[^|\s]", line.text):
            line.text, line.offsets = pipe_cells(line.text, line.offsets)
            line.kind = "row"
    if line.kind == "text":
        if "\t" in line.text or len(re.findall(r" {2,}", line.text)) >= 2:
            line.text, line.offsets = as_row(line.text, line.offsets, r"[ \t]*\t[ \t]*| {2,}")
            line.kind = "row"
        elif BULLET.match(line.text):
            line.kind = "item"
        elif _ENUM.match(line.text):
            line.kind = "enum"
    return line
