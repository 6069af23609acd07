"""The sources every brief cites (paper, date, page of the paper) and the appendix: each
cited sentence with its figures marked, as written and in base units.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from common.formatting import format_base
from reports.document import Context, Section, figure_anchor, indicator_label, source_anchor
from reports.queries import ArticleRef, FigureFact


@dataclass(frozen=True)
class SourceEntry:
    number: int
    anchor: str
    article: ArticleRef
    cited: int
    edition: str | None = None  # the page of the paper: 版面 第8版 / Page 8 (never a file name)


@dataclass(frozen=True)
class Segment:
    """A piece of a source sentence; ``number`` set when it is a figure (marked in the PDF)."""

    text: str
    number: int | None = None
    anchor: str | None = None


@dataclass(frozen=True)
class BaseValue:
    """A figure of the sentence as written, and its value in the base unit with every digit."""

    number: int
    anchor: str
    text: str                   # as written (a derived figure: its formula)
    base: str                   # 52,080,000,000元
    derived: bool
    name: str | None = None     # the catalog's name of its indicator, in the brief's language


@dataclass(frozen=True)
class Evidence:
    """One source sentence with every figure taken from it marked."""

    numbers: tuple[int, ...]
    where: str                  # the paragraph
    section: str | None         # the article's heading above it (a quote)
    subjects: tuple[str, ...]
    segments: tuple[Segment, ...]
    values: tuple[BaseValue, ...] = ()


@dataclass(frozen=True)
class EvidenceGroup:
    source: SourceEntry
    items: list[Evidence]


def source_entries(ctx: Context) -> list[SourceEntry]:
    cited: dict[int, int] = {}
    for fact in ctx.facts.figures:
        cited[fact.article_id] = cited.get(fact.article_id, 0) + 1
    return [SourceEntry(number=ctx.source_numbers[a.id], anchor=source_anchor(ctx.source_numbers[a.id]),
                        article=a, cited=cited.get(a.id, 0), edition=edition_label(a.edition, ctx.lang))
            for a in ctx.facts.articles]


def edition_label(edition: str | None, lang: str) -> str | None:
    """The page of the paper an article is on: 第08版:08 -> 版面 第8版 (Page 8); 第03版:要闻 ->
    版面 第3版 要闻 (Page 3). The e-paper's file name (content_66129.html) is not a page."""
    if not edition:
        return None
    m = re.search(r"第\s*0*(\d+)\s*版\s*[:：]?\s*(.*)", edition)
    if m:
        number, name = m.group(1), m.group(2).strip()
    else:
        digits = re.search(r"\d+", edition)
        number, name = (digits.group(0).lstrip("0") or "0", "") if digits else ("", edition.strip())
    if lang == "en":
        return f"Page {number}" if number else None
    words = [f"第{number}版"] if number else []
    if name and not name.isdigit():
        words.append(name)
    return "版面 " + " ".join(words) if words else None


def sources_section(ctx: Context) -> list[Section]:
    entries = source_entries(ctx)
    return [Section(kind="sources", anchor="sources", title=ctx.labels["sources"], data=entries,
                    count=len(entries))]


def _segments(ctx: Context, facts: list[FigureFact]) -> tuple[Segment, ...]:
    """The sentence cut around each figure; an overlapping figure keeps its number and anchor."""
    sentence = facts[0].before + facts[0].marked + facts[0].after
    spans = sorted(((len(f.before), len(f.before) + len(f.marked), ctx.figure_numbers[f.id]) for f in facts),
                   key=lambda span: (span[0], -span[1]))
    segments: list[Segment] = []
    cursor = 0
    for start, end, number in spans:
        if start < cursor or start == end:
            segments.append(Segment("", number, figure_anchor(number)))
            continue
        if start > cursor:
            segments.append(Segment(sentence[cursor:start]))
        segments.append(Segment(sentence[start:end], number, figure_anchor(number)))
        cursor = end
    if cursor < len(sentence):
        segments.append(Segment(sentence[cursor:]))
    return tuple(segments)


def evidence_section(ctx: Context) -> list[Section]:
    entries = {e.article.id: e for e in source_entries(ctx)}
    by_sentence: dict[int, dict[tuple[int, str], list[FigureFact]]] = {}
    for fact in ctx.facts.figures:
        key = (fact.paragraph, fact.before + fact.marked + fact.after)
        by_sentence.setdefault(fact.article_id, {}).setdefault(key, []).append(fact)
    data = []
    for article_id, sentences in by_sentence.items():
        items = []
        for facts in sentences.values():
            first = facts[0]
            where = ctx.labels["paragraph"].format(n=first.paragraph)
            values = tuple(BaseValue(number=ctx.figure_numbers[f.id], anchor=f"base-{ctx.figure_numbers[f.id]}",
                                     text=f.text, derived=f.origin == "derived",
                                     name=indicator_label(f.indicator_name, f.indicator_name_en, ctx.lang),
                                     base=format_base(f.value, f.unit, lang=ctx.lang, derived=f.origin == "derived"))
                           for f in sorted(facts, key=lambda f: ctx.figure_numbers[f.id]))
            items.append(Evidence(numbers=tuple(ctx.figure_numbers[f.id] for f in facts), where=where,
                                  section=first.section or None,
                                  subjects=tuple(f.subject for f in facts), segments=_segments(ctx, facts),
                                  values=values))
        data.append(EvidenceGroup(source=entries[article_id], items=items))
    return [Section(kind="evidence", anchor="evidence", title=ctx.labels["evidence"], data=data,
                    count=len(ctx.facts.figures))]
