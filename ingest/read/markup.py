"""Markdown markup inside one line: headings, quotes, list marks, tables, rules, emphasis,
links and images are dropped from the text; the characters that stay keep their offsets."""
from __future__ import annotations

import re

from ingest.read.offsets import BLANK, Line, delete_spans, pipe_cells, strip_text

_MD_HR = re.compile(r"^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_MD_QUOTE = re.compile(r"^(?:>\s?)+")
_MD_LIST = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
_MD_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_MD_INLINE = re.compile(
    r"!\[[^\]]*\]\([^)]*\)"                 # image: dropped whole
    r"|<(?:https?://|mailto:)[^>]*>"         # autolink
    r"|</?[A-Za-z][^>]*>"                    # inline HTML tag
    r"|\]\([^)]*\)"                          # the (url) of a link
    r"|\[(?=[^\]]*\]\()"                     # the [ of a link
    r"|\\(?=[\\`*_{}\[\]()#+\-.!|>~])"       # backslash escape
    r"|\*+|`+|~~")


def markdown_line(line: Line) -> Line:
    text, offsets = line.text, line.offsets
    if _MD_HR.match(text):
        return BLANK
    kind = "text"
    m = _MD_QUOTE.match(text)
    if m:
        text, offsets = text[m.end():], offsets[m.end():]
    m = _MD_HEADING.match(text)
    if m:
        kind = "heading"
        text, offsets = text[m.end():], offsets[m.end():]
        m2 = re.search(r"\s+#+\s*$", text)
        if m2:
            text, offsets = text[:m2.start()], offsets[:m2.start()]
    elif text.startswith("|") or (text.count("|") >= 2 and _MD_TABLE_RULE.match(text) is None and "|" in text.strip("|")
                                  and text.rstrip().endswith("|")):
        if _MD_TABLE_RULE.match(text):
            return Line("", [], "blank-row")
        text, offsets = pipe_cells(text, offsets)
        kind = "row"
    else:
        m = _MD_LIST.match(text)
        if m:
            kind = "item"
            text, offsets = text[m.end():], offsets[m.end():]
    spans = [(m.start(), m.end()) for m in _MD_INLINE.finditer(text)]
    # Underscores mark emphasis only where they do not join two ASCII word characters (PM_2.5 stays).
    for m in re.finditer(r"_+", text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if m.end() - m.start() >= 2 or not (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()):
            spans.append((m.start(), m.end()))
    spans.sort()
    text, offsets = delete_spans(text, offsets, spans)
    text, offsets = strip_text(text, offsets, " \t")
    if not text:
        return BLANK
    return Line(text, offsets, kind, width=line.width, chars=line.chars, indented=line.indented, end=line.end)
