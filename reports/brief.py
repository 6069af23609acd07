"""Turn a zone's facts into the brief's sections: plain data with every word already chosen.

The zone brief is built here; the change brief (reports/changes.py) and the indicator brief
(reports/indicator_brief.py) reuse its sections (sources, appendix, series, targets).
A brief is a list of sections. Each section has a ``kind`` that names its template
(templates/section_<kind>.html) and a payload of plain data. Adding a section later
(a series table, a chart, "changed since the last article") means one builder function
appended to SECTION_BUILDERS and one template file; the page layout lives in CSS.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable

from common.formatting import format_base, format_period, format_signed, format_value, round_derived
from reports.labels import LABELS, LANGS
from reports.queries import ArticleRef, FigureFact, SeriesPoint, ZoneFacts, load_zone
from reports.series import (
    Chart,
    PointGroup,
    Shown,
    chart,
    choose_scale,
    comparable,
    latest_level,
    level_series,
    shown_groups,
    window_caption,
)
from track.sectors import sectors

ARROWS = {"up": "↑", "down": "↓"}


# ---------------------------------------------------------------- formatting

def format_amount(fact: FigureFact, lang: str) -> str:
    """The figure's value as every display writes it (common.formatting), qualifier in words:
    约20亿元, 超过50家, 161.1亿元 for a derived total (rounded once)."""
    return format_value(fact.value, fact.unit, lang=lang, derived=fact.origin == "derived",
                        qualifier=fact.qualifier, value_max=fact.value_max)


# ---------------------------------------------------------------- the brief's data

@dataclass(frozen=True)
class FigureRow:
    """One line of a sector table: one fact, possibly reported by several articles.

    ``label`` is the catalog's name of the indicator (in the brief's language) or, for an
    unlinked figure, the subject as extracted; ``quote`` the article's own words for it when
    they differ (Chinese, a quote from the source). The value is written once, by
    common.formatting; the figure as written is in the appendix (F-number)."""

    number: int                 # F-number, shared with the appendix
    anchor: str
    label: str
    label_quoted: bool          # the label is the article's words (unlinked figure), not the catalog's
    figure_id: int
    quote: str | None
    tags: tuple[str, ...]       # kind words: 占比, 增长, 推算
    arrow: str                  # ↑ / ↓ for changes, else ""
    kind: str
    value: str                  # as every display writes it: 约20亿元, 161.1亿元
    period: str
    period_label: str | None    # the article's own words, when they differ from the period shown
    sources: tuple[int, ...]    # source numbers, newest first
    derived_from: tuple[int, ...] = ()      # F-numbers a derived figure is computed from
    region: str | None = None   # the figure's region, when the brief covers several


@dataclass(frozen=True)
class SectorTable:
    name: str
    rows: list[FigureRow]
    targets: list[FigureRow]

    @property
    def count(self) -> int:
        return len(self.rows) + len(self.targets)

    more: str | None = None     # how many more figures the database holds, and where to see them


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


@dataclass
class Section:
    kind: str                   # template: section_<kind>.html
    anchor: str
    title: str
    data: Any
    count: int | None = None    # shown in the table of contents
    part: str | None = None     # group heading in the contents, e.g. 分领域主要数据
    part_anchor: str = "sectors"


@dataclass(frozen=True)
class TocEntry:
    anchor: str
    title: str
    count: int | None
    children: tuple["TocEntry", ...] = ()


@dataclass(frozen=True)
class CoverFact:
    label: str
    value: str
    unit: str = ""
    date: bool = False          # a date, set smaller than a count


@dataclass
class Brief:
    lang: str
    labels: dict[str, str]
    report: str                 # the kind of brief, e.g. 经济发展指标简报
    heading: str                # the cover title: a zone, or an indicator
    heading_alt: str | None     # the same in the other language (in the English brief: the Chinese name)
    as_of: str | None
    generated: str
    facts: list[CoverFact] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    scope: str | None = None    # what the brief covers beyond its heading (the zones of a city; a date)
    kind: str = "zone"          # zone | changes | indicator
    n_figures: int = 0          # figures the brief is about (in the database, not only those listed)
    n_articles: int = 0

    @property
    def page_words(self) -> tuple[str, str, str]:
        """The footer's words around the page number and page count, e.g. ('第 ', ' 页 / 共 ', ' 页')."""
        before, _, rest = self.labels["page_of"].partition("{n}")
        middle, _, after = rest.partition("{m}")
        return before, middle, after

    @property
    def title(self) -> str:
        return f"{self.heading} {self.report}".strip()

    @property
    def n_sectors(self) -> int:
        return sum(1 for s in self.sections if s.kind == "sector")

    @property
    def toc(self) -> list[TocEntry]:
        """The contents: one entry per section, sections of a part (the sectors) under it."""
        entries: list[TocEntry] = []
        for section in self.sections:
            child = TocEntry(section.anchor, section.title, section.count)
            if section.part is None:
                entries.append(child)
            elif entries and entries[-1].title == section.part and entries[-1].children:
                last = entries[-1]
                entries[-1] = TocEntry(last.anchor, last.title, last.count, (*last.children, child))
            else:
                entries.append(TocEntry(f"part-{section.part_anchor}", section.part, None, (child,)))
        return entries


@dataclass
class Context:
    """What builders share: the facts, wording and the numbering of sources and figures."""

    facts: ZoneFacts
    lang: str
    labels: dict[str, str]
    source_numbers: dict[int, int]      # article id -> [n]
    figure_numbers: dict[int, int]      # figure id -> F-number
    series_index: dict[tuple[str, str, int | None], list[PointGroup]] | None = None

    @property
    def region_arg(self) -> str:
        """The region as `zone series --region` takes it, in the brief's language."""
        region = self.facts.region
        if self.lang == "en" and region.name_en:
            return f'"{region.name_en}"'
        return region.name or "…"


def figure_anchor(number: int) -> str:
    return f"fig-{number}"


def source_anchor(number: int) -> str:
    return f"src-{number}"


def capitalised(name: str) -> str:
    """An English name as a heading starts: pipeline equipment output -> Pipeline equipment output."""
    return name[:1].upper() + name[1:]


def indicator_label(zh: str | None, en: str | None, lang: str) -> str | None:
    if lang == "en":
        return capitalised(en) if en else None
    return zh


def region_label(fact: FigureFact, lang: str) -> str | None:
    return (fact.region_name_en or fact.region_name) if lang == "en" else fact.region_name


def _row(ctx: Context, group: list[FigureFact]) -> FigureRow:
    fact = group[0]
    t = ctx.labels
    tags: list[str] = []
    if fact.kind == "share":
        tags.append(t["share"])
    elif fact.kind == "change":
        tags.append(t[f"change_{fact.direction}"] if fact.direction in ARROWS else t["change"])
    if fact.origin == "derived":
        tags.append(t["derived"])
    if fact.corrected:
        tags.append(t["corrected"])
    name = indicator_label(fact.indicator_name, fact.indicator_name_en, ctx.lang)
    # A derived figure's subject is a sentence about its formula: its sources say it better.
    subject = fact.subject if fact.origin == "reported" else ""
    if name:
        # The article's words beside the catalog's name, unless one already says the other.
        said = not subject or subject in (fact.indicator_name or "") or (fact.indicator_name or "") in subject
        label, quoted, quote = name, False, None if said else subject
    else:
        label, quoted, quote = subject or fact.text, True, None
    period = format_period(fact.period_start, fact.period_end, ctx.lang)
    # The article's own words for the period, when they say more than the period shown (今年以来).
    said = format_period(fact.period_start, fact.period_end, "zh")
    label_words = fact.period_label if fact.period_label and fact.period_label not in said else None
    number = ctx.figure_numbers[fact.id]
    sources = tuple(dict.fromkeys(ctx.source_numbers[f.article_id] for f in group))
    return FigureRow(number=number, anchor=figure_anchor(number), label=label, label_quoted=quoted, quote=quote,
                     figure_id=fact.id,
                     tags=tuple(tags), arrow=ARROWS.get(fact.direction or "", "") if fact.kind == "change" else "",
                     kind=fact.kind, value=format_amount(fact, ctx.lang), period=period, period_label=label_words,
                     sources=sources,
                     derived_from=tuple(ctx.figure_numbers[i] for i in fact.derived_from if i in ctx.figure_numbers),
                     region=region_label(fact, ctx.lang) if ctx.facts.region.several else None)


def _same_figure(fact: FigureFact) -> tuple[Any, ...]:
    """Two articles reporting the same value for the same thing and period make one table row."""
    return (fact.region_id, fact.indicator_id or fact.subject, fact.kind, fact.direction, fact.unit, fact.qualifier,
            round(fact.value, 6), fact.value_max, fact.period_start, fact.period_end)


def _listed(ctx: Context) -> list[FigureFact]:
    """The figures the sector and target tables draw from, newest article first."""
    listed = ctx.facts.listed
    return [f for f in ctx.facts.figures if listed is None or f.id in listed]


def _more(ctx: Context, key: str, held: int, groups: list[list[FigureFact]], url: str) -> str | None:
    """The line under a table that counts what the database holds beyond its rows."""
    left = held - sum(len(g) for g in groups)
    return ctx.labels[key].format(n=left, url=url) if left > 0 else None


def sector_sections(ctx: Context) -> list[Section]:
    """One table per sector of the catalog's vocabulary, in its order; a sector with nothing
    to list has no section (and no entry in the contents)."""
    vocabulary = sectors()
    groups: dict[str, dict[tuple[Any, ...], list[FigureFact]]] = {}
    for fact in _listed(ctx):                    # newest article first, so group[0] is the latest
        if fact.kind == "target":
            continue
        groups.setdefault(fact.sector, {}).setdefault(_same_figure(fact), []).append(fact)
    sections: list[Section] = []
    for i, sector in enumerate(sorted(groups, key=vocabulary.order), 1):
        shown = list(groups[sector].values())[:ctx.facts.limits.rows_per_sector]
        rows = [_row(ctx, g) for g in shown]
        if not rows:
            continue
        held = ctx.facts.held.get(sector, 0)
        more = _more(ctx, "more_sector", held, shown, "/zone/figure_detail")
        name = vocabulary.shown(sector, ctx.lang)
        table = SectorTable(name=name, rows=rows, targets=[], more=more)
        sections.append(Section(kind="sector", anchor=f"sector-{i}", title=name, data=table,
                                count=table.count, part=ctx.labels["key_figures"]))
    return sections


@dataclass(frozen=True)
class KeyFigure:
    """A headline figure on the first page: its value, what it is, when, and how it moved."""

    number: int
    anchor: str
    label: str
    sector: str
    value: str
    period: str
    sources: tuple[int, ...]
    change: str | None          # +8.2% (against 2020) — reported when the article gives it
    direction: str | None       # up | down
    region: str | None = None


def _series_index(ctx: Context) -> dict[tuple[str, str, int | None], list[PointGroup]]:
    if ctx.series_index is None:
        ctx.series_index = level_series(ctx.facts.points)
    return ctx.series_index


def _reported_change(ctx: Context, fact: FigureFact) -> FigureFact | None:
    """The growth rate the article gives beside a level (same sentence, indicator and period)."""
    return next((f for f in ctx.facts.figures if f.kind == "change" and f.article_id == fact.article_id
                 and f.indicator_id == fact.indicator_id and f.paragraph == fact.paragraph
                 and f.period_end == fact.period_end and f.unit == "%" and f.direction in ARROWS), None)


def _key_change(ctx: Context, fact: FigureFact) -> tuple[str | None, str | None]:
    t = ctx.labels
    reported = _reported_change(ctx, fact)
    if reported is not None:
        sign = "+" if reported.direction == "up" else "−"
        return t["yoy"].format(v=sign + format_value(reported.value, "%", lang=ctx.lang)), reported.direction
    groups = _series_index(ctx).get((fact.indicator_id or "", fact.unit, fact.region_id))
    if not groups:
        return None, None
    latest = [g for g in groups if g.preferred.period_end == fact.period_end and g.preferred.period_start == fact.period_start]
    if not latest or groups.index(latest[0]) == 0:
        return None, None
    i = groups.index(latest[0])
    a = latest[0].preferred
    b = next((g.preferred for g in reversed(groups[:i]) if comparable(a, g.preferred)), None)
    if b is None or not _as_shown(b):
        return None, None
    delta = _as_shown(a) - _as_shown(b)
    pct = f"{'+' if delta > 0 else '−' if delta < 0 else '±'}{abs(delta) / abs(_as_shown(b)) * 100:.1f}%"
    return (t["vs_period"].format(v=pct, p=format_period(b.period_start, b.period_end, ctx.lang)),
            "up" if delta > 0 else "down" if delta < 0 else None)


def key_figures_section(ctx: Context) -> list[Section]:
    """Headline figures first: per sector of the catalog (in its order) the latest reported level
    of a linked indicator, money first, then the largest; at most ``limits.key_figures``."""
    vocabulary = sectors()
    best: dict[str, FigureFact] = {}
    for fact in _listed(ctx):
        if fact.kind != "level" or fact.origin != "reported" or not fact.indicator_id:
            continue
        held = best.get(fact.sector)
        rank = (fact.unit == "元", abs(fact.value))
        if held is None or rank > (held.unit == "元", abs(held.value)):
            best[fact.sector] = fact
    chosen = [best[s] for s in sorted(best, key=vocabulary.order)][:ctx.facts.limits.key_figures]
    if not chosen:
        return []
    cards = []
    for fact in chosen:
        number = ctx.figure_numbers[fact.id]
        change, direction = _key_change(ctx, fact)
        cards.append(KeyFigure(number=number, anchor=figure_anchor(number),
                               label=indicator_label(fact.indicator_name, fact.indicator_name_en, ctx.lang) or fact.subject,
                               sector=vocabulary.shown(fact.sector, ctx.lang), value=format_amount(fact, ctx.lang),
                               period=format_period(fact.period_start, fact.period_end, ctx.lang),
                               sources=(ctx.source_numbers[fact.article_id],), change=change, direction=direction,
                               region=region_label(fact, ctx.lang) if ctx.facts.region.several else None))
    return [Section(kind="keyfigures", anchor="key-figures", title=ctx.labels["headline"], data=cards,
                    count=len(cards))]


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


# ---------------------------------------------------------------- series and targets

@dataclass(frozen=True)
class SeriesRow:
    """One period of a series table (or a conflicting value for it, ``other``)."""

    period: str
    value: str                  # written once, by common.formatting: 286.4亿元
    tags: tuple[str, ...]       # 推算, 采用, 另报, 已更正
    note: str | None            # the extracted value when a reviewer corrected it
    numbers: tuple[int, ...]    # F-numbers: the figures in the appendix
    sources: tuple[int, ...]    # source numbers
    other: bool = False
    derived_from: tuple[int, ...] = ()      # F-numbers a derived value is computed from
    reported_change: str | None = None      # the growth rate the same article gives: 同比 +8.2%


@dataclass(frozen=True)
class Change:
    """The latest point against an earlier one: the latest of the same period length, else the one before."""

    latest_period: str
    latest_value: str
    latest_sources: tuple[int, ...]
    previous_period: str
    previous_value: str
    previous_sources: tuple[int, ...]
    delta: str                  # +4 个
    pct: str | None             # +7.0%
    direction: str              # up | down | flat
    caution: str | None         # the periods are not alike (a year against Jan–Aug)


@dataclass(frozen=True)
class SeriesBlock:
    anchor: str
    name: str
    name_alt: str | None        # the other language's name
    sector: str | None
    unit: str                   # display unit of the table and chart
    rows: list[SeriesRow]
    chart: Chart
    change: Change | None
    conflict: bool
    derived: bool
    more: str | None = None     # periods and values the database holds beyond the table
    caption: str | None = None  # which drawn points are derived, and from which figures
    region: str | None = None   # the series' region, when the brief covers several


@dataclass(frozen=True)
class SeriesData:
    intro: str
    blocks: list[SeriesBlock]
    more: str | None = None     # series the brief leaves out


@dataclass(frozen=True)
class TargetRow:
    number: int
    anchor: str
    label: str
    label_quoted: bool
    quote: str | None
    value: str                  # the target, qualifier in words: 不少于100亿元
    horizon: str
    sources: tuple[int, ...]
    latest_value: str | None    # the latest level, its period, F-number and source
    latest_period: str | None
    latest_number: int | None
    latest_sources: tuple[int, ...]
    progress: str | None
    reached: bool | None
    bar: float | None           # share of the target reached, 0–100, for the small bar
    region: str | None = None


@dataclass(frozen=True)
class TargetData:
    intro: str
    rows: list[TargetRow]
    more: str | None = None


def _shown(p: SeriesPoint, lang: str) -> str:
    return format_value(p.value, p.unit, lang=lang, derived=p.origin == "derived", qualifier=p.qualifier,
                        value_max=p.value_max)


def _as_shown(p: SeriesPoint) -> float:
    """The value a reader sees: a derived one rounded once, so differences add up on the page."""
    return round_derived(p.value) if p.origin == "derived" else p.value


def _series_rows(ctx: Context, groups: list[PointGroup]) -> list[SeriesRow]:
    t = ctx.labels
    facts = {f.id: f for f in ctx.facts.figures}
    rows: list[SeriesRow] = []

    def row(points: list[SeriesPoint], tags: list[str], other: bool) -> SeriesRow:
        p = points[0]
        fact = facts.get(p.figure_id)
        if p.origin == "derived":
            tags = [t["derived"], *tags]
        note = None
        if fact is not None and fact.corrected:
            tags.append(t["corrected"])
            if fact.extracted_value is not None and fact.extracted_value != fact.value:
                note = t["extracted"].format(v=format_value(fact.extracted_value, p.unit, lang=ctx.lang))
        derived_from = tuple(ctx.figure_numbers[i] for i in (fact.derived_from if fact else ())
                             if i in ctx.figure_numbers)
        change = _reported_change(ctx, fact) if fact is not None and fact.origin == "reported" else None
        said = None
        if change is not None:
            sign = "+" if change.direction == "up" else "−"
            said = t["yoy"].format(v=sign + format_value(change.value, "%", lang=ctx.lang)) + \
                f" F{ctx.figure_numbers[change.id]}"
        return SeriesRow(period=format_period(p.period_start, p.period_end, ctx.lang), derived_from=derived_from,
                         reported_change=said,
                         value=_shown(p, ctx.lang), tags=tuple(tags), note=note,
                         numbers=tuple(dict.fromkeys(ctx.figure_numbers[q.figure_id] for q in points)),
                         sources=tuple(dict.fromkeys(ctx.source_numbers[q.article_id] for q in points)),
                         other=other)

    for g in groups:
        conflict = bool(g.other)
        rows.append(row([g.preferred, *g.same], [t["preferred"]] if conflict else [], False))
        for o in g.other:
            rows.append(row([o], [t["other_report"]], True))
    return rows


def _change(ctx: Context, groups: list[PointGroup]) -> Change:
    t = ctx.labels
    # Against the latest earlier period of the same length (Jan–Apr against Jan–Apr) when
    # there is one; else against the period just before, with a caution.
    a = groups[-1].preferred
    earlier = [g.preferred for g in groups[:-1]]
    b = next((p for p in reversed(earlier) if comparable(a, p)), earlier[-1])
    latest, previous = _shown(a, ctx.lang), _shown(b, ctx.lang)
    delta = _as_shown(a) - _as_shown(b)
    pct = f"{'+' if delta > 0 else '−' if delta < 0 else '±'}{abs(delta) / abs(_as_shown(b)) * 100:.1f}%" \
        if _as_shown(b) else None
    # When the earlier point was derived from the latest one and its reported change, the
    # change is that reported figure: one number per fact, not a rate recomputed from rounding.
    facts = {f.id: f for f in ctx.facts.figures}
    earlier = facts.get(b.figure_id)
    if b.origin == "derived" and earlier is not None and a.figure_id in earlier.derived_from:
        reported = next((facts[i] for i in earlier.derived_from if i in facts and facts[i].kind == "change"), None)
        if reported is not None and reported.unit == "%":
            sign = "+" if reported.direction == "up" else "−" if reported.direction == "down" else ""
            pct = sign + format_value(reported.value, reported.unit, lang=ctx.lang)
    cautions = [] if comparable(a, b) else [t["not_comparable"]]
    if {a.qualifier, b.qualifier} - {"exact", "approx"}:
        cautions.append(t["not_exact"])
    return Change(latest_period=format_period(a.period_start, a.period_end, ctx.lang), latest_value=latest,
                  latest_sources=(ctx.source_numbers[a.article_id],),
                  previous_period=format_period(b.period_start, b.period_end, ctx.lang), previous_value=previous,
                  previous_sources=(ctx.source_numbers[b.article_id],),
                  delta=format_signed(round(delta, 9), a.unit, lang=ctx.lang), pct=pct,
                  direction="up" if delta > 0 else "down" if delta < 0 else "flat",
                  caution=(";" if ctx.lang == "zh" else "; ").join(cautions) or None)


def _series_note(ctx: Context, shown: Shown, indicator: str, periods: int = 0) -> str | None:
    """What the series' table leaves out; ``periods``: how many the database holds (the brief
    reads only the latest)."""
    t = ctx.labels
    region = ctx.region_arg
    notes = []
    periods = max(periods, shown.periods)
    if periods > len(shown.table):
        notes.append(t["more_periods"].format(k=len(shown.table), n=periods, c=len(shown.chart),
                                              i=indicator, r=region))
    if shown.others_left:
        notes.append(t["more_others"].format(n=shown.others_left, i=indicator, r=region))
    return (";" if ctx.lang == "zh" else "; ").join(notes) or None


def _derived_caption(ctx: Context, drawn: list[SeriesPoint]) -> str | None:
    """Which points of a chart are derived, and from what: the reader is told, not left to guess."""
    facts = {f.id: f for f in ctx.facts.figures}
    parts = []
    for p in drawn:
        if p.origin != "derived":
            continue
        period = format_period(p.period_start, p.period_end, ctx.lang)
        fact = facts.get(p.figure_id)
        refs = [f"F{ctx.figure_numbers[i]}" for i in (fact.derived_from if fact else ()) if i in ctx.figure_numbers]
        parts.append(ctx.labels["derived_point"].format(p=period, refs=ctx.labels["list_sep"].join(refs))
                     if refs else period)
    if not parts:
        return None
    return ctx.labels["derived_caption"].format(points=ctx.labels["list_sep"].join(parts))


def series_blocks(ctx: Context, by_region: bool = False) -> list[SeriesBlock]:
    """One block per series (indicator, unit, region); ``by_region``: titled by the region (the
    indicator brief, where every block is the same indicator)."""
    keys = set(ctx.facts.series_keys) if ctx.facts.series_keys is not None else None
    series = level_series([p for p in ctx.facts.points if keys is None or p.series_key in keys])
    vocabulary = sectors()

    def order(item: tuple[tuple[str, str, int | None], list[PointGroup]]) -> tuple[Any, ...]:
        first = item[1][0].preferred
        return (vocabulary.order(vocabulary.canonical(first.indicator_sector)), item[0][0], item[0][1],
                item[0][2] or 0)

    blocks = []
    for i, (key, groups) in enumerate(sorted(series.items(), key=order), 1):
        indicator, unit, _ = key
        shown = shown_groups(groups, ctx.facts.limits)
        first = groups[0].preferred
        name = indicator_label(first.indicator_name, first.indicator_name_en, ctx.lang) or first.indicator_name
        alt = first.indicator_name_en if ctx.lang == "zh" else None
        drawn = [g.preferred for g in shown.chart]
        others = [o for g in shown.table for o in g.other]
        listed = [g.preferred for g in shown.table]
        scale = choose_scale([p.value for p in drawn + others], unit, ctx.lang)
        title = f"{name} ({scale.unit})" if scale.unit else name
        region = ((first.region_en or first.region) if ctx.lang == "en" else first.region) \
            if ctx.facts.region.several else None
        if by_region and region:
            name, alt, region = region, None, None
        blocks.append(SeriesBlock(
            anchor=f"series-{i}", name=name, name_alt=alt if alt != name else None,
            sector=vocabulary.shown(vocabulary.canonical(first.indicator_sector), ctx.lang),
            unit=scale.unit, rows=_series_rows(ctx, shown.table),
            chart=chart(drawn, others, scale, ctx.labels, title, labelled=len(shown.table)),
            change=_change(ctx, shown.table), conflict=bool(others),
            derived=any(p.origin == "derived" for p in listed + others),
            more=_series_note(ctx, shown, indicator, ctx.facts.series_periods.get(key, 0)),
            caption=" ".join(c for c in (_derived_caption(ctx, drawn), window_caption(drawn, ctx.labels)) if c) or None,
            region=region))
    return blocks


def series_section(ctx: Context) -> list[Section]:
    """The series of the brief's indicators; no section (and no contents entry) when there is none."""
    blocks = series_blocks(ctx)
    if not blocks:
        return []
    left = ctx.facts.series_held - len(blocks) if ctx.facts.series_keys is not None else 0
    more = ctx.labels["more_series"].format(n=left, r=ctx.region_arg, url="/zone/indicator") \
        if left > 0 else None
    data = SeriesData(intro=ctx.labels["series_intro"], blocks=blocks, more=more)
    return [Section(kind="series", anchor="series", title=ctx.labels["series"], data=data, count=len(blocks))]


def _target_row(ctx: Context, group: list[FigureFact]) -> TargetRow:
    t = ctx.labels
    base = _row(ctx, group)
    fact = group[0]
    latest = latest_level(ctx.facts.points, fact) if fact.indicator_id else None
    if latest is not None and latest.figure_id not in ctx.figure_numbers:
        latest = None
    latest_value = latest_period = progress = None
    latest_number: int | None = None
    latest_sources: tuple[int, ...] = ()
    reached: bool | None = None
    bar: float | None = None
    if latest is not None:
        latest_value = _shown(latest, ctx.lang)
        latest_period = format_period(latest.period_start, latest.period_end, ctx.lang)
        latest_number = ctx.figure_numbers[latest.figure_id]
        latest_sources = (ctx.source_numbers[latest.article_id],)
        if fact.qualifier in ("at_most", "less_than"):
            reached = latest.value <= fact.value
            progress = t["reached"] if reached else t["not_reached"]
        elif fact.value > 0:
            share = _as_shown(latest) / fact.value * 100
            reached = latest.value >= fact.value
            progress = t["progress_pct"].format(p=f"{share:.1f}".rstrip("0").rstrip("."))
            bar = max(0.0, min(100.0, share))
    return TargetRow(number=base.number, anchor=base.anchor, label=base.label, label_quoted=base.label_quoted,
                     quote=base.quote, value=base.value, horizon=base.period, sources=base.sources,
                     latest_value=latest_value, latest_period=latest_period,
                     latest_number=latest_number, latest_sources=latest_sources, progress=progress,
                     reached=reached, bar=bar, region=base.region)


def targets_section(ctx: Context) -> list[Section]:
    groups: dict[tuple[Any, ...], list[FigureFact]] = {}
    for fact in _listed(ctx):
        if fact.kind == "target":
            groups.setdefault(_same_figure(fact), []).append(fact)
    shown = list(groups.values())[:ctx.facts.limits.targets]      # the most recently reported
    ordered = sorted(shown, key=lambda g: (g[0].period_end or "9999", g[0].sector, ctx.figure_numbers[g[0].id]))
    rows = [_target_row(ctx, g) for g in ordered]
    if not rows:
        return []
    more = _more(ctx, "more_targets", ctx.facts.targets_held, shown, "/zone/figure?kind=target")
    data = TargetData(intro=ctx.labels["targets_intro"], rows=rows, more=more)
    return [Section(kind="targets", anchor="targets", title=ctx.labels["targets"], data=data, count=len(rows))]


# Order of the brief after the title page. A new section is one more builder here.
SECTION_BUILDERS: list[Callable[[Context], list[Section]]] = [
    key_figures_section,
    sector_sections,
    series_section,
    targets_section,
    sources_section,
    evidence_section,
]


def _context(facts: ZoneFacts, lang: str) -> Context:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    return Context(facts=facts, lang=lang, labels=LABELS[lang],
                   source_numbers={a.id: i for i, a in enumerate(facts.articles, 1)},
                   figure_numbers={f.id: i for i, f in enumerate(facts.figures, 1)})


def zone_heading(ctx: Context) -> tuple[str, str | None]:
    """The region's name in the brief's language, and the other one (in the English brief the
    Chinese name, as the sources write it)."""
    region = ctx.facts.region
    if ctx.lang == "en" and region.name_en:
        return region.name_en, region.name or None
    return region.name, region.name_en


def scope_note(ctx: Context) -> str | None:
    """A brief on a city covers the regions inside it that have figures: say which."""
    inside = [name for name in ctx.facts.regions_with_figures if name != ctx.facts.region.name]
    if not inside:
        return None
    names = ctx.labels["list_sep"].join(inside[:6]) + ("…" if len(inside) > 6 else "")
    return ctx.labels["scope_note"].format(names=names)


def build_brief(facts: ZoneFacts, lang: str = "zh", today: date | None = None) -> Brief:
    ctx = _context(facts, lang)
    t = ctx.labels
    sections = [s for build in SECTION_BUILDERS for s in build(ctx)]
    heading, alt = zone_heading(ctx)
    n_articles = facts.n_articles if facts.n_articles is not None else len(facts.articles)
    n_figures = facts.n_figures if facts.n_figures is not None else len(facts.figures)
    cover = [CoverFact(t["articles"], str(n_articles), t["articles_unit"]),
             CoverFact(t["figures"], str(n_figures), t["figures_unit"]),
             CoverFact(t["sectors"], str(sum(1 for s in sections if s.kind == "sector")), t["sectors_unit"]),
             CoverFact(t["generated"], (today or date.today()).isoformat(), date=True)]
    return Brief(lang=lang, labels=t, report=t["report"], heading=heading, heading_alt=alt, as_of=facts.as_of,
                 generated=(today or date.today()).isoformat(), facts=cover, sections=sections,
                 scope=scope_note(ctx), n_figures=n_figures, n_articles=n_articles)


def make_brief(conn: sqlite3.Connection, region: str | None = None, lang: str = "zh",
               today: date | None = None) -> Brief:
    """Query the database and assemble the brief for one region."""
    return build_brief(load_zone(conn, region), lang=lang, today=today)
