"""Targets against the latest level: each target the brief lists, with the latest level of
its indicator up to its horizon and the progress toward it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from common.formatting import format_period
from reports.document import Context, Section
from reports.queries import FigureFact
from reports.series import (
    latest_level,
)
from reports.tables import as_shown, figure_row, listed_figures, more_line, point_value, same_figure


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


def target_row(ctx: Context, group: list[FigureFact]) -> TargetRow:
    t = ctx.labels
    base = figure_row(ctx, group)
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
        latest_value = point_value(latest, ctx.lang)
        latest_period = format_period(latest.period_start, latest.period_end, ctx.lang)
        latest_number = ctx.figure_numbers[latest.figure_id]
        latest_sources = (ctx.source_numbers[latest.article_id],)
        if fact.qualifier in ("at_most", "less_than"):
            reached = latest.value <= fact.value
            progress = t["reached"] if reached else t["not_reached"]
        elif fact.value > 0:
            share = as_shown(latest) / fact.value * 100
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
    for fact in listed_figures(ctx):
        if fact.kind == "target":
            groups.setdefault(same_figure(fact), []).append(fact)
    shown = list(groups.values())[:ctx.facts.limits.targets]      # the most recently reported
    ordered = sorted(shown, key=lambda g: (g[0].period_end or "9999", g[0].sector, ctx.figure_numbers[g[0].id]))
    rows = [target_row(ctx, g) for g in ordered]
    if not rows:
        return []
    more = more_line(ctx, "more_targets", ctx.facts.targets_held, shown, "/zone/figure?kind=target")
    data = TargetData(intro=ctx.labels["targets_intro"], rows=rows, more=more)
    return [Section(kind="targets", anchor="targets", title=ctx.labels["targets"], data=data, count=len(rows))]
