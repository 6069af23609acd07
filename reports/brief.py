"""The zone brief: headline figures first, the key figures by sector (at most a page each), the
series, the targets against the latest level, the sources and the appendix.

The sections are built in reports/document.py's terms from the facts reports/zone_facts.py
reads; the change brief (reports/changes.py) and the indicator brief
(reports/indicator_brief.py) reuse the tables, series, targets and evidence sections.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from common.formatting import format_period, format_value
from reports.document import (
    Brief,
    Context,
    CoverFact,
    Section,
    figure_anchor,
    format_amount,
    indicator_label,
    make_context,
    region_label,
    zone_heading,
)
from reports.evidence import evidence_section, sources_section
from reports.queries import FigureFact, ZoneFacts
from reports.series import (
    PointGroup,
    comparable,
    level_series,
)
from reports.series_section import series_section
from reports.tables import SectorTable, as_shown, figure_row, listed_figures, more_line, reported_change, same_figure
from reports.targets import targets_section
from reports.zone_facts import load_zone
from track.sectors import sectors


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


def _key_change(ctx: Context, fact: FigureFact) -> tuple[str | None, str | None]:
    t = ctx.labels
    reported = reported_change(ctx, fact)
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
    if b is None or not as_shown(b):
        return None, None
    delta = as_shown(a) - as_shown(b)
    pct = f"{'+' if delta > 0 else '−' if delta < 0 else '±'}{abs(delta) / abs(as_shown(b)) * 100:.1f}%"
    return (t["vs_period"].format(v=pct, p=format_period(b.period_start, b.period_end, ctx.lang)),
            "up" if delta > 0 else "down" if delta < 0 else None)


def key_figures_section(ctx: Context) -> list[Section]:
    """Headline figures first: per sector of the catalog (in its order) the latest reported level
    of a linked indicator, money first, then the largest; at most ``limits.key_figures``."""
    vocabulary = sectors()
    best: dict[str, FigureFact] = {}
    for fact in listed_figures(ctx):
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


def sector_sections(ctx: Context) -> list[Section]:
    """One table per sector of the catalog's vocabulary, in its order; a sector with nothing
    to list has no section (and no entry in the contents)."""
    vocabulary = sectors()
    groups: dict[str, dict[tuple[Any, ...], list[FigureFact]]] = {}
    for fact in listed_figures(ctx):                    # newest article first, so group[0] is the latest
        if fact.kind == "target":
            continue
        groups.setdefault(fact.sector, {}).setdefault(same_figure(fact), []).append(fact)
    sections: list[Section] = []
    for i, sector in enumerate(sorted(groups, key=vocabulary.order), 1):
        shown = list(groups[sector].values())[:ctx.facts.limits.rows_per_sector]
        rows = [figure_row(ctx, g) for g in shown]
        if not rows:
            continue
        held = ctx.facts.held.get(sector, 0)
        more = more_line(ctx, "more_sector", held, shown, "/zone/figure_detail")
        name = vocabulary.shown(sector, ctx.lang)
        table = SectorTable(name=name, rows=rows, targets=[], more=more)
        sections.append(Section(kind="sector", anchor=f"sector-{i}", title=name, data=table,
                                count=table.count, part=ctx.labels["key_figures"]))
    return sections


# Order of the brief after the title page. A new section is one more builder here.
SECTION_BUILDERS: list[Callable[[Context], list[Section]]] = [
    key_figures_section,
    sector_sections,
    series_section,
    targets_section,
    sources_section,
    evidence_section,
]


def scope_note(ctx: Context) -> str | None:
    """A brief on a city covers the regions inside it that have figures: say which."""
    inside = [name for name in ctx.facts.regions_with_figures if name != ctx.facts.region.name]
    if not inside:
        return None
    names = ctx.labels["list_sep"].join(inside[:6]) + ("…" if len(inside) > 6 else "")
    return ctx.labels["scope_note"].format(names=names)


def build_brief(facts: ZoneFacts, lang: str = "zh", today: date | None = None) -> Brief:
    ctx = make_context(facts, lang)
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
