"""The series of a brief: per indicator, unit and region a table of its latest periods (the
preferred value, the others reported for the period, sources), a chart, and the latest change.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from common.formatting import format_period, format_signed, format_value
from reports.document import Context, Section, indicator_label
from reports.queries import SeriesPoint
from reports.series import (
    Chart,
    PointGroup,
    Shown,
    chart,
    choose_scale,
    comparable,
    level_series,
    shown_groups,
    window_caption,
)
from reports.tables import as_shown, point_value, reported_change
from track.sectors import sectors


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
        change = reported_change(ctx, fact) if fact is not None and fact.origin == "reported" else None
        said = None
        if change is not None:
            sign = "+" if change.direction == "up" else "−"
            said = t["yoy"].format(v=sign + format_value(change.value, "%", lang=ctx.lang)) + \
                f" F{ctx.figure_numbers[change.id]}"
        return SeriesRow(period=format_period(p.period_start, p.period_end, ctx.lang), derived_from=derived_from,
                         reported_change=said,
                         value=point_value(p, ctx.lang), tags=tuple(tags), note=note,
                         numbers=tuple(dict.fromkeys(ctx.figure_numbers[q.figure_id] for q in points)),
                         sources=tuple(dict.fromkeys(ctx.source_numbers[q.article_id] for q in points)),
                         other=other)

    for g in groups:
        conflict = bool(g.other)
        rows.append(row([g.preferred, *g.same], [t["preferred"]] if conflict else [], False))
        for o in g.other:
            rows.append(row([o], [t["other_report"]], True))
    return rows


def series_change(ctx: Context, groups: list[PointGroup]) -> Change:
    t = ctx.labels
    # Against the latest earlier period of the same length (Jan–Apr against Jan–Apr) when
    # there is one; else against the period just before, with a caution.
    a = groups[-1].preferred
    earlier = [g.preferred for g in groups[:-1]]
    b = next((p for p in reversed(earlier) if comparable(a, p)), earlier[-1])
    latest, previous = point_value(a, ctx.lang), point_value(b, ctx.lang)
    delta = as_shown(a) - as_shown(b)
    pct = f"{'+' if delta > 0 else '−' if delta < 0 else '±'}{abs(delta) / abs(as_shown(b)) * 100:.1f}%" \
        if as_shown(b) else None
    # When the earlier point was derived from the latest one and its reported change, the
    # change is that reported figure: one number per fact, not a rate recomputed from rounding.
    facts = {f.id: f for f in ctx.facts.figures}
    source = facts.get(b.figure_id)
    if b.origin == "derived" and source is not None and a.figure_id in source.derived_from:
        reported = next((facts[i] for i in source.derived_from if i in facts and facts[i].kind == "change"), None)
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
            change=series_change(ctx, shown.table), conflict=bool(others),
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
