"""Units -> the article body: furniture dropped (and mined for the date and the paper), the
title found when not given, and the rest turned into paragraphs and headings."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ingest.model import Paragraph
from ingest.read.boilerplate import DATE_TIME_LINE, PUBLISH_WORDS, TITLE_LINE, boilerplate, is_byline, paper_from_meta
from ingest.read.dates import parse_date
from ingest.read.offsets import delete_spans, strip_text
from ingest.read.text import CJK, is_traditional, norm, to_simplified
from ingest.read.units import Unit, ends_sentence, looks_like_heading

_CONTINUATION = re.compile(r"[（(]\s*(?:上|下)\s*(?:接|转)\s*(?:第|本报)?\s*[A-Za-z]?[一二三四五六七八九十\d]{1,3}\s*版\s*[)）]")


@dataclass
class Body:
    """What digest() makes of a run of lines."""

    paragraphs: list[Paragraph]
    headings: list[Paragraph]
    title: str = ""
    published: date | None = None       # from 发布时间 lines, date-only lines, the header zone
    paper: str | None = None            # from 来源 lines
    traditional: bool = False
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (why, text) of each dropped unit


@dataclass
class _Sorted:
    """The first pass of digest(): units kept, units dropped, and what the dropped ones said."""

    kept: list[Unit] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)
    published: date | None = None
    paper: str | None = None
    header_dates: list[date] = field(default_factory=list)
    late_dates: list[date] = field(default_factory=list)  # date-only lines after the body started: a notice's signature date
    meta_seen_at: int | None = None
    meta_title: str = ""                # 标题：… in a catalogue record above the text


def _trim_continuation(u: Unit) -> Unit:
    spans = []
    for m in _CONTINUATION.finditer(u.text):
        if m.start() == 0 or m.end() == len(u.text.rstrip()) or not u.text[:m.start()].strip():
            spans.append((m.start(), m.end()))
    if not spans:
        return u
    text, offsets = delete_spans(u.text, u.offsets, spans)
    text, offsets = strip_text(text, offsets, " \t")
    return Unit(u.kind, text, offsets, u.lines)


def _is_body_text(u: Unit) -> bool:
    return u.kind in ("para", "item") and (len(u.text) >= 50 or (len(u.text) >= 15 and ends_sentence(u.text)))


def _why_dropped(units: list[Unit], k: int, u: Unit, started: bool) -> str | None:
    """Why unit k (u, trimmed) is not article text, or None when it is."""
    why = boilerplate(u.text)
    if why == "nav" and u.kind == "row" and any(0 <= x < len(units) and units[x].kind == "row" for x in (k - 1, k + 1)):
        why = None  # 指标 | 单位 | 现状值 | 目标值: the header of a table, not a menu
    if why is None and (u.kind == "para" or not started) and is_byline(u.text):
        why = "byline"
    if why is None and u.kind == "para" and len(u.text) <= 30 and parse_date(u.text) \
            and len(CJK.sub("", u.text)) >= len(u.text) // 2:
        why = "date"
    if why == "tail" and not started:
        why = "ui"  # a share bar above the article, not the list after it
    return why


def _mine(found: _Sorted, why: str, u: Unit, started: bool) -> None:
    """Take the date, paper and title that a dropped metadata or date line states."""
    if why == "date" and started:
        late = parse_date(u.text)     # a line classed "date" holds one
        if late is not None:
            found.late_dates.append(late)
    elif why in ("meta", "date"):
        d = parse_date(u.text)
        if d and found.published is None and (why == "date" or PUBLISH_WORDS.search(u.text) or DATE_TIME_LINE.match(u.text)):
            found.published = d
        elif d and not started:
            found.header_dates.append(d)
        found.paper = found.paper or paper_from_meta(u.text)
        named = TITLE_LINE.match(u.text)
        if named and not started and not found.meta_title:
            found.meta_title = named.group(1).strip()
        if found.meta_seen_at is None and not started:
            found.meta_seen_at = len(found.kept)


def _sort_units(units: list[Unit]) -> _Sorted:
    found = _Sorted()
    started = False
    for k, u in enumerate(units):
        u = _trim_continuation(u)
        if not u.text:
            continue
        why = _why_dropped(units, k, u, started)
        if why:
            found.dropped.append((why, u.text))
            _mine(found, why, u, started)
            if why == "tail":
                break
            continue
        if not started and _is_body_text(u):
            started = True
        if not started:
            d = parse_date(u.text)
            if d:
                found.header_dates.append(d)
        found.kept.append(u)
    return found


def _take_title(found: _Sorted, title: str | None) -> tuple[list[Unit], str]:
    """(the kept units without the title line, the title found in them)."""
    kept = found.kept
    meta_title, meta_seen_at = found.meta_title, found.meta_seen_at
    title_index: int | None = None
    found_title = ""
    first_body = next((i for i, u in enumerate(kept) if _is_body_text(u)), len(kept))
    title = title or meta_title or None
    if title:
        want = norm(title)
        kept = [u for i, u in enumerate(kept) if not (i <= first_body and u.kind != "row" and norm(u.text) == want)]
        found_title = "" if title != meta_title else meta_title
    else:
        if meta_seen_at is not None and 0 < meta_seen_at <= first_body:
            cand = kept[meta_seen_at - 1]
            if cand.kind != "row" and len(cand.text) <= 80 and not ends_sentence(cand.text):
                title_index = meta_seen_at - 1
        if title_index is None:
            for i, u in enumerate(kept[:first_body]):
                if u.kind != "row" and len(u.text) <= 80 and not ends_sentence(u.text):
                    title_index = i
                    break
        if title_index is not None:
            found_title = kept[title_index].text
            del kept[title_index]
    return kept, found_title


def digest(units: list[Unit], title: str | None = None) -> Body:
    """Drop furniture, find the title (when not given) and metadata lines, and turn the
    rest into paragraphs and headings, each paragraph under the nearest heading above it.

    ``title`` given: a heading or line repeating it before the body text is dropped.
    ``title`` None: the title is the line above the 发布时间/来源 line, or else the first
    heading-like line before the body text.
    """
    found = _sort_units(units)
    published = found.published
    if published is None and found.header_dates:
        published = found.header_dates[0]
    if published is None and found.late_dates:
        published = found.late_dates[-1]
    kept, found_title = _take_title(found, title)

    all_text = "".join(u.text for u in kept)
    traditional = is_traditional(all_text)
    paragraphs: list[Paragraph] = []
    headings: list[Paragraph] = []
    section: str | None = None
    for u in kept:
        text = to_simplified(u.text) if traditional else u.text
        if u.kind == "heading" or (u.kind == "para" and looks_like_heading(text)):
            section = text
            headings.append(Paragraph(index=len(headings) + 1, text=text, offsets=tuple(u.offsets)))
        else:
            paragraphs.append(Paragraph(index=len(paragraphs) + 1, text=text, offsets=tuple(u.offsets), section=section))
    return Body(paragraphs, headings, title=found_title, published=published, paper=found.paper,
                traditional=traditional, dropped=found.dropped)
