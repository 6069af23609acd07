"""The brief's series and targets: points per indicator, the latest change, progress toward
targets, and the geometry of a small line chart — plain data, every word chosen here.

The chart is drawn by a template (templates/_series_chart.html) as inline SVG from the
numbers computed below, so its text goes through Jinja's autoescaping like everything else
and WeasyPrint needs nothing but the document itself: no script, no fetch.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Sequence

from common.formatting import choose_scale as scale_for
from common.formatting import format_scaled
from reports.queries import FigureFact, Limits, SeriesPoint


@dataclass(frozen=True)
class Scale:
    """Values of one series shown in one magnitude: 3221000000 元 -> 32.21 (亿元). The numbers
    are written by common.formatting, like every value of the brief."""

    divisor: float
    unit: str
    lang: str = "zh"

    def number(self, value: float, approx: bool = False) -> str:
        """The scaled number; a derived (approximate) value rounded once, as everywhere."""
        return format_scaled(value, self.divisor, lang=self.lang, derived=approx)


def choose_scale(values: Sequence[float], unit: str, lang: str = "zh") -> Scale:
    """亿 or 万 (billion, million) before the unit when the largest value calls for it."""
    divisor, shown = scale_for(list(values), unit, lang)
    return Scale(divisor, shown, lang)


def _day(d: str | None) -> date | None:
    try:
        return date.fromisoformat(d) if d else None
    except ValueError:
        return None


def period_days(start: str | None, end: str | None) -> int | None:
    a, b = _day(start), _day(end)
    return (b - a).days + 1 if a and b else None


def comparable(a: SeriesPoint, b: SeriesPoint) -> bool:
    """Two periods of about the same length (a year and a year; Jan–Aug and Jan–Aug)."""
    da, db = period_days(a.period_start, a.period_end), period_days(b.period_start, b.period_end)
    if da is None or db is None:
        return False
    return abs(da - db) <= max(3, 0.05 * max(da, db))


def short_period(start: str | None, end: str | None) -> str:
    """An axis label: 2021 for a calendar year, 2022.1–8 for months of a year, else the end day."""
    a, b = _day(start), _day(end)
    if b is None:
        return start or ""
    if a is not None and a.day == 1 and a.month == 1 and b.month == 12 and b.day == 31 and a.year == b.year:
        return f"{b.year}"
    if a is not None and a.year == b.year and a.day == 1 and a != b:
        next_day = date.fromordinal(b.toordinal() + 1)
        if next_day.day == 1:
            return f"{b.year}.{a.month}–{b.month}" if a.month != b.month else f"{b.year}.{b.month}"
        return f"{b.year}.{a.month}–{b.month}.{b.day}"
    return f"{b.year}.{b.month}.{b.day}"


# ---------------------------------------------------------------- the chart's geometry

WIDTH, HEIGHT = 300.0, 150.0        # viewBox units; the template sets the printed size
LEFT, RIGHT, TOP, BOTTOM = 40.0, 14.0, 27.0, 24.0
LABEL_SIZE, LEGEND_SIZE = 8.5, 8.0
# Average advance of a digit at the label size, for keeping labels apart.
_CHAR = 5.2


@dataclass(frozen=True)
class Tick:
    pos: float
    label: str


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    derived: bool
    latest: bool
    label: str | None           # the value, or None where it would collide with a neighbour
    label_y: float


@dataclass(frozen=True)
class Segment:
    x1: float
    y1: float
    x2: float
    y2: float
    dashed: bool                # touches a derived point


@dataclass(frozen=True)
class LegendItem:
    kind: str                   # reported | derived | other: which marker
    label: str
    x: float                    # where the marker's centre is; the label follows it


@dataclass(frozen=True)
class Chart:
    width: float
    height: float
    left: float
    right: float                # x of the plot's right edge
    top: float
    bottom: float               # y of the plot's bottom edge (the baseline)
    unit: str                   # e.g. 单位:亿元
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]
    segments: tuple[Segment, ...]
    marks: tuple[Mark, ...]
    others: tuple[tuple[float, float], ...]     # conflicting values not preferred, as (x, y)
    legend: tuple[LegendItem, ...]
    title: str                  # for the <title> of the SVG, read by assistive tools


def nice_step(span: float, count: int = 4) -> float:
    raw = span / max(count, 1)
    if raw <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * power:
            return m * power
    return 10 * power


def y_range(values: Sequence[float]) -> tuple[float, float, float]:
    """(low, high, step): from zero when the values are positive and spread, else a nice floor."""
    lo, hi = min(values), max(values)
    if lo >= 0 and (lo <= 0.5 * hi or hi == lo):
        lo = 0.0
    if hi == lo:
        hi = lo + (abs(lo) or 1.0)
    step = nice_step(hi - lo)
    low = math.floor(lo / step + 1e-9) * step
    high = math.ceil(hi / step - 1e-9) * step
    if high - low < step:
        high = low + step
    return low, high, step


def _tick_label(x: float, lang: str = "zh") -> str:
    return format_scaled(round(x, 6), lang=lang)


def text_width(text: str, size: float) -> float:
    """Rough advance of a label: CJK characters are square, Latin ones about half as wide."""
    return sum(size if ord(ch) > 0x2E80 else 0.55 * size for ch in text)


def _x_ticks(points: Sequence[SeriesPoint], xs: list[float]) -> list[Tick]:
    """Axis labels under the points, latest first so the newest period always has its label."""
    ticks: list[Tick] = []
    for i in reversed(range(len(points))):
        label = short_period(points[i].period_start, points[i].period_end)
        half = len(label) * _CHAR / 2 + 3
        if all(abs(xs[i] - t.pos) >= half + len(t.label) * _CHAR / 2 for t in ticks):
            ticks.append(Tick(xs[i], label))
    ticks.reverse()
    return ticks


def _marks(points: Sequence[SeriesPoint], xs: list[float], ys: list[float], scale: Scale,
           labelled: int | None, plot_bottom: float) -> list[Mark]:
    """The points with their value labels, the latest placed first; a label that would collide
    with one already placed, or that belongs to a point the table does not list, is left out."""
    placed: list[tuple[float, float, float]] = []        # (x, y, half width) of value labels
    order = sorted(range(len(points)), key=lambda i: (i != len(points) - 1, -i))
    value_labels: dict[int, tuple[str | None, float]] = {}
    for i in order:
        text = scale.number(points[i].value, approx=points[i].origin == "derived")
        half = len(text) * _CHAR / 2 + 2
        # Above the point, unless the line rises into it: then below.
        rising_in = i > 0 and ys[i - 1] < ys[i] - 4
        ly = ys[i] + 13 if rising_in and ys[i] + 13 < plot_bottom - 2 else ys[i] - 6
        free = all(abs(xs[i] - px) >= half + ph or abs(ly - py) >= 10 for px, py, ph in placed)
        if free and ly > 8 and (labelled is None or i >= len(points) - labelled):
            placed.append((xs[i], ly, half))
            value_labels[i] = (text, ly)
        else:
            value_labels[i] = (None, ly)
    return [Mark(x=xs[i], y=ys[i], derived=p.origin == "derived", latest=i == len(points) - 1,
                 label=value_labels[i][0], label_y=value_labels[i][1]) for i, p in enumerate(points)]


def _legend(points: Sequence[SeriesPoint], others: Sequence[SeriesPoint], labels: dict[str, str],
            plot_right: float) -> tuple[LegendItem, ...]:
    """One legend item per kind of marker the chart draws, laid out from the right edge leftwards."""
    kinds = ["reported"] if any(p.origin != "derived" for p in points) else []
    if any(p.origin == "derived" for p in points):
        kinds.append("derived")
    if others:
        kinds.append("other")
    legend: list[LegendItem] = []
    right_edge = plot_right
    for kind in reversed(kinds):
        label = labels[f"legend_{kind}"]
        text_x = right_edge - text_width(label, LEGEND_SIZE)
        legend.append(LegendItem(kind=kind, label=label, x=text_x - 5))
        right_edge = text_x - 14
    legend.reverse()
    return tuple(legend)


def chart(points: Sequence[SeriesPoint], others: Sequence[SeriesPoint], scale: Scale, labels: dict[str, str],
          title: str, labelled: int | None = None) -> Chart:
    """A line over the preferred points in period order, x by period end, y in the series' scale.

    Only the last ``labelled`` points (all when None) carry their value: those the series
    table lists with their sources; earlier ones draw the line's course.
    """
    ends = [_day(p.period_end or p.period_start) for p in points]
    days = [d.toordinal() if d else 0 for d in ends]
    first, last = min(days), max(days)
    pad = max(30.0, 0.06 * (last - first))
    x0, x1 = first - pad, last + pad
    plot_right, plot_bottom = WIDTH - RIGHT, HEIGHT - BOTTOM

    def x_of(day: int) -> float:
        return LEFT + (day - x0) / (x1 - x0) * (plot_right - LEFT)

    values = [p.value / scale.divisor for p in points] + [p.value / scale.divisor for p in others]
    low, high, step = y_range(values)

    def y_of(v: float) -> float:
        return plot_bottom - (v - low) / (high - low) * (plot_bottom - TOP)

    y_ticks = tuple(Tick(y_of(low + i * step), _tick_label(low + i * step, scale.lang))
                    for i in range(round((high - low) / step) + 1))
    xs = [x_of(d) for d in days]
    ys = [y_of(p.value / scale.divisor) for p in points]
    # A line joins periods of one window only: a year and January–August are not one line.
    segments = tuple(Segment(xs[i], ys[i], xs[i + 1], ys[i + 1],
                             dashed=points[i].origin == "derived" or points[i + 1].origin == "derived")
                     for i in range(len(points) - 1) if points[i].window == points[i + 1].window)
    other_marks = tuple((x_of((_day(o.period_end or o.period_start) or date.min).toordinal()),
                         y_of(o.value / scale.divisor)) for o in others)
    return Chart(width=WIDTH, height=HEIGHT, left=LEFT, right=plot_right, top=TOP, bottom=plot_bottom,
                 unit=labels["unit_word"].format(u=scale.unit) if scale.unit else "", y_ticks=y_ticks,
                 x_ticks=tuple(_x_ticks(points, xs)), segments=segments,
                 marks=tuple(_marks(points, xs, ys, scale, labelled, plot_bottom)), others=other_marks,
                 legend=_legend(points, others, labels, plot_right), title=title)


def window_caption(points: Sequence[SeriesPoint], labels: dict[str, str]) -> str | None:
    """What a chart says when its points cover windows of more than one kind (a year, part of
    a year, a day): the line joins only points of the same window."""
    return labels["window_caption"] if len({p.window for p in points}) > 1 else None


# ---------------------------------------------------------------- grouping points into series

@dataclass
class PointGroup:
    """One period of a series: the preferred point and the others reported for it."""

    preferred: SeriesPoint
    same: list[SeriesPoint]         # other articles with the same value (more sources for one row)
    other: list[SeriesPoint]        # conflicting values


def level_series(points: Sequence[SeriesPoint]) -> dict[tuple[str, str, int | None], list[PointGroup]]:
    """Level points by (indicator, unit, region), one group per period, in period order; only
    series of two or more periods with at least one reported value. A derived point (the level a
    year earlier implied by a change) makes a period of its own, and is drawn and marked as derived."""
    return {key: groups for key, groups in level_groups(points).items()
            if len(groups) >= 2 and any(g.preferred.origin == "reported" for g in groups)}


def level_groups(points: Sequence[SeriesPoint]) -> dict[tuple[str, str, int | None], list[PointGroup]]:
    """Level points by (indicator, unit, region), one group per period, in period order (every series)."""
    by_key: dict[tuple[str, str, int | None], dict[str, PointGroup]] = {}
    for p in points:                 # preferred first within a period (see queries._POINTS)
        if p.kind != "level":
            continue
        periods = by_key.setdefault(p.series_key, {})
        group = periods.get(p.point_key)
        if group is None:
            if not p.preferred:      # its preferred point was hidden (e.g. outside the brief's figures)
                continue
            periods[p.point_key] = PointGroup(preferred=p, same=[], other=[])
        elif abs(p.value - group.preferred.value) <= 0.005 * max(abs(p.value), abs(group.preferred.value)):
            group.same.append(p)
        else:
            group.other.append(p)
    return {key: list(groups.values()) for key, groups in by_key.items()}


@dataclass(frozen=True)
class Shown:
    """What a brief shows of one series: the table's periods, the chart's, and what is left out."""

    table: list[PointGroup]         # the latest periods, conflicting values and sources capped
    chart: list[PointGroup]         # the latest periods the chart draws (the table's among them)
    periods: int                    # periods the series has in all
    others_left: int                # conflicting values the table leaves out


def shown_groups(groups: Sequence[PointGroup], limits: Limits) -> Shown:
    """The part of a series a brief shows: its latest periods, each with at most a few
    conflicting values and citing at most a few further articles for its value."""
    table = [PointGroup(preferred=g.preferred, same=g.same[:limits.same_reports], other=g.other[:limits.other_reports])
             for g in groups[-limits.series_periods:]]
    left = sum(len(g.other) for g in groups[-limits.series_periods:]) - sum(len(g.other) for g in table)
    return Shown(table=table, chart=list(groups[-max(limits.chart_periods, limits.series_periods):]),
                 periods=len(groups), others_left=left)


def latest_level(points: Sequence[SeriesPoint], target: FigureFact) -> SeriesPoint | None:
    """The most recent preferred level of the target's indicator and unit, up to its horizon."""
    horizon = target.period_end or target.period_start
    best = None
    for p in points:
        if (p.kind != "level" or not p.preferred or p.indicator_id != target.indicator_id
                or p.unit != target.unit):
            continue
        end = p.period_end or p.period_start
        if horizon and end and end > horizon:
            continue
        if best is None or (end or "", p.published) > (best.period_end or best.period_start or "", best.published):
            best = p
    return best
