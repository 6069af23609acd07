"""Series charts as inline SVG, drawn on the server (no script, works offline)."""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Sequence

from markupsafe import Markup, escape

from browse.marks import figure_url
from common.formatting import choose_scale, format_scaled, format_value

# A chart marks each point only up to this many periods (beyond, the line alone) and labels
# at most this many periods on its time axis.
CHART_MARKS = 300
X_LABELS = 7
LEFT, RIGHT, TOP, BOTTOM = 64, 44, 40, 34


@dataclass(frozen=True)
class Point:
    day: date
    value: float
    label: str          # the period as people say it
    href: str
    note: str = ""      # the tooltip's extra words (source, conflict)
    conflict: bool = False


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def _nice_step(span: float, ticks: int = 4) -> float:
    raw = span / ticks if span > 0 else 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * magnitude:
            return m * magnitude
    return 10 * magnitude


@dataclass(frozen=True)
class _Frame:
    """Where values and days fall on a chart of ``width`` × ``height``."""
    width: int
    height: int
    divisor: float
    low: float
    high: float
    step: float
    d0: int
    d1: int

    def x(self, day: date) -> float:
        plot_w = self.width - LEFT - RIGHT
        if self.d1 == self.d0:
            return LEFT + plot_w / 2
        return LEFT + (day.toordinal() - self.d0) / (self.d1 - self.d0) * plot_w

    def y(self, value: float) -> float:
        return TOP + (self.high - value / self.divisor) / (self.high - self.low) * (self.height - TOP - BOTTOM)


def _frame(points: Sequence[Point], unit: str, width: int, height: int) -> tuple[_Frame, str]:
    divisor, shown_unit = choose_scale([p.value for p in points], unit)
    ys = [p.value / divisor for p in points]
    low, high = min(0.0, min(ys)), max(0.0, max(ys))
    step = _nice_step(high - low)
    low, high = math.floor(low / step) * step, math.ceil(high / step) * step
    if high == low:
        high = low + step
    days = [p.day.toordinal() for p in points]
    return _Frame(width, height, divisor, low, high, step, min(days), max(days)), shown_unit


def _axes(frame: _Frame, pts: Sequence[Point]) -> list[str]:
    """Grid lines with the value ticks, and at most X_LABELS period labels spread over the
    series (first and last included)."""
    parts = []
    tick = frame.low
    while tick <= frame.high + frame.step / 1000:
        ty = frame.y(tick * frame.divisor)
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{frame.width - RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}"/>')
        parts.append(f'<text class="tick" x="{LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end">'
                     f'{escape(format_scaled(tick))}</text>')
        tick += frame.step
    firsts: dict[str, Point] = {}
    for p in pts:
        firsts.setdefault(p.label, p)
    labels = list(firsts.values())
    if len(labels) > X_LABELS:
        labels = [labels[round(i * (len(labels) - 1) / (X_LABELS - 1))] for i in range(X_LABELS)]
    for p in labels:
        parts.append(f'<text class="tick" x="{frame.x(p.day):.1f}" y="{frame.height - 12}" text-anchor="middle">'
                     f'{escape(p.label)}</text>')
    return parts


def _marks(frame: _Frame, pts: Sequence[Point], others: Sequence[Point], tip: Callable[[Point], str]) -> list[str]:
    """The line through ``pts`` and a linked circle per point (hollow for ``others``)."""
    parts = []
    if len(pts) > 1:
        path = " ".join(f"{frame.x(p.day):.1f},{frame.y(p.value):.1f}" for p in pts)
        parts.append(f'<polyline class="line" points="{path}"/>')
    marks = [(o, "other") for o in others] + [(p, "point") for p in pts]
    for p, css in (marks if len(marks) <= CHART_MARKS else []):
        parts.append(f'<a href="{escape(p.href)}"><circle class="{css}{" conflict" if p.conflict else ""}" '
                     f'cx="{frame.x(p.day):.1f}" cy="{frame.y(p.value):.1f}" r="{5 if css == "point" else 4}">'
                     f'<title>{escape(tip(p))}</title></circle></a>')
    return parts


def line_chart(points: Sequence[Point], unit: str, title: str = "", others: Sequence[Point] = (),
               width: int = 560, height: int = 220) -> Markup:
    """An inline SVG line chart of ``points`` (one per period, in time order), each a link to
    its figure; ``others`` (values of the same periods the series does not use: conflicting
    reports) are drawn as hollow marks. The axis is in one magnitude (亿元), ticks and
    tooltips written as every display of zone writes numbers (common.formatting)."""
    pts = sorted(points, key=lambda p: p.day)
    if not pts:
        return Markup("")
    frame, shown_unit = _frame(list(pts) + list(others), unit, width, height)
    parts = [f'<svg class="zone-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" aria-label="{escape(title or "chart")}">']
    if title:
        parts.append(f'<text class="title" x="{LEFT}" y="15">{escape(title)}</text>')
    parts.append(f'<text class="unit" x="{LEFT - 6}" y="{TOP - 12}" text-anchor="end">{escape(shown_unit)}</text>')
    parts += _axes(frame, pts)
    parts += _marks(frame, pts, others,
                    lambda p: f"{p.label}: {format_value(p.value, unit)}" + (f" — {p.note}" if p.note else ""))
    parts.append("</svg>")
    return Markup("".join(parts))


def period_label(start: str | None, end: str | None) -> str:
    """2021, 2021-01–06, 2022-08-10: a period as short as an axis label can say it."""
    s, e = _day(start), _day(end)
    if s and e:
        if s.month == 1 and s.day == 1 and e.month == 12 and e.day == 31 and s.year == e.year:
            return str(s.year)
        if s == e:
            return s.isoformat()
        if s.day == 1 and s.year == e.year:
            return f"{s.year}-{s.month:02d}–{e.month:02d}"
        return f"{s.isoformat()}–{e.isoformat()}"
    day = e or s
    return day.isoformat() if day is not None else ""


def _point(r: dict[str, Any]) -> Point | None:
    day = _day(r.get("period_end")) or _day(r.get("period_start"))
    if day is None:
        return None
    note = f"{r.get('paper') or ''} {r.get('published') or ''}".strip() + (" (conflict)" if r.get("conflict") else "")
    return Point(day, float(r["value"]), period_label(r.get("period_start"), r.get("period_end")),
                 figure_url(r["figure_id"]), note, bool(r.get("conflict")))


# The series view's windows, as a chart title names them.
WINDOW_NAMES = {"year": "full year", "half": "half year", "quarter": "quarter", "month": "month",
                "year_to_date": "year to date", "months": "months", "day": "as of a day", "span": "other spans"}


def series_charts(points: Sequence[dict[str, Any]], min_periods: int = 1) -> list[dict[str, Any]]:
    """One chart per (region, kind, unit, window) of series rows (the series view): the preferred
    point of each period as the line, the other values of a conflicting period as hollow marks.
    A line never joins periods of another window (a year to January–February): each window
    is a chart of its own, named in its title when the series has several."""
    groups: dict[tuple[str, str, str, str], list[dict[str, Any]]] = {}
    for r in points:
        groups.setdefault((r.get("region") or "", r["kind"], r["unit"], r.get("window") or ""), []).append(r)
    windows: dict[tuple[str, str, str], int] = {}
    for region, kind, unit, _ in groups:
        windows[(region, kind, unit)] = windows.get((region, kind, unit), 0) + 1
    charts = []
    for (region, kind, unit, window), rows in groups.items():
        main: list[Point] = []
        others: list[Point] = []
        for r in rows:
            point = _point(r)
            if point is not None:
                (main if r.get("preferred") else others).append(point)
        if len({p.day for p in main}) < min_periods:
            continue
        name = rows[0].get("indicator_name") or rows[0].get("indicator_id") or ""
        shown_window = window if windows[(region, kind, unit)] > 1 else ""
        title = " · ".join(w for w in (name, region, kind, WINDOW_NAMES.get(shown_window, shown_window)) if w)
        conflicting = [o for o in others if o.conflict]
        charts.append({"region": region, "kind": kind, "unit": unit, "window": window, "title": title,
                       "points": len(main),
                       "conflicts": len(conflicting), "svg": line_chart(main, unit, title, others=conflicting)})
    return charts
