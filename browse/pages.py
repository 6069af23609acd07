"""What zone's own pages show: a figure, an indicator, an article, a zone's dashboard.

Loaders read through Datasette's read-only connections (``db.execute``) and return plain
dicts for the templates in browse/templates. Text from articles is only ever put into HTML
by the functions here through ``markupsafe.escape`` (or by Jinja's autoescape): marks, links
and charts are built around escaped text, never from it.
"""
from __future__ import annotations

import asyncio
import math
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Sequence
from urllib.parse import quote

from datasette.database import QueryInterrupted
from markupsafe import Markup, escape

from browse.format import format_value, number, scale_for

DB = "zone"
UNCERTAIN_MARGIN = 15.0   # track.review.UNCERTAIN_MARGIN, as in the review_waiting view
KEY_FIGURES_PER_SECTOR = 8
DASHBOARD_CHARTS = 6
NEWEST_ARTICLES = 10
# An indicator page lists at most this many points (the canned query `series` has them all) and
# marks each point of its chart only up to this many periods (beyond, the line alone).
INDICATOR_ROWS = 300
CHART_MARKS = 300
X_LABELS = 7
# The dashboard's review-queue count ranks every point of the zone's series: on a very large
# zone it gives up after this long and links to the queue instead.
QUEUE_COUNT_MS = 800
# What a chart needs of a series row.
CHART_COLUMNS = ("indicator_id, indicator_name, region, kind, unit, period_start, period_end, value, figure_id, "
                 "paper, published, preferred, conflict, window")


# --- links --------------------------------------------------------------------------------

def figure_url(figure_id: Any) -> str:
    return f"/{DB}/figure/{int(figure_id)}"


def article_url(article_id: Any, paragraph: Any = None, figure_id: Any = None) -> str:
    anchor = f"#f{int(figure_id)}" if figure_id is not None else (f"#p{int(paragraph)}" if paragraph else "")
    return f"/{DB}/article/{int(article_id)}{anchor}"


def indicator_url(indicator_id: str) -> str:
    # Datasette's row URLs tilde-encode the key; indicator ids are slugs (a-z, 0-9, _).
    return f"/{DB}/indicator/{quote(str(indicator_id), safe='')}"


def region_url(region_id: Any) -> str:
    return f"/{DB}/region/{int(region_id)}"


# --- marking figures in text ------------------------------------------------------------------

@dataclass(frozen=True)
class Span:
    start: int
    end: int
    figure_id: int
    title: str = ""
    css: str = "zone-fig"


def marked(text: str, spans: Iterable[Span], linked: bool = True, anchors: bool = False) -> Markup:
    """``text`` escaped, each span wrapped in <mark> (linked to its figure's page); spans that
    overlap an earlier one are left out."""
    out: list[str] = []
    pos = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start < pos or span.end <= span.start or span.end > len(text):
            continue
        out.append(str(escape(text[pos:span.start])))
        inner = escape(text[span.start:span.end])
        anchor = f' id="f{span.figure_id}"' if anchors else ""
        title = f' title="{escape(span.title)}"' if span.title else ""
        if linked:
            inner = Markup(f'<a href="{figure_url(span.figure_id)}">{inner}</a>')
        out.append(f'<mark class="{span.css}"{anchor}{title}>{inner}</mark>')
        pos = span.end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def mark_word(text: str | None, word: str | None) -> Markup:
    """``text`` escaped with the first occurrence of ``word`` marked (a table cell's sentence)."""
    text = text or ""
    if not word or word not in text:
        return escape(text)
    i = text.index(word)
    return Markup(f"{escape(text[:i])}<mark>{escape(word)}</mark>{escape(text[i + len(word):])}")


def article_body(text: str, figures: Sequence[dict[str, Any]]) -> Markup:
    """The article's text as paragraphs (one per line), escaped, every figure marked and linked.

    A line gets id="p{n}" for the paragraph number n its figures were extracted from (the
    extractor numbers title, headings and paragraphs), so links to #p{n} land on it; each
    figure's mark has id="f{figure id}".
    """
    out: list[str] = []
    pos = 0
    seen_paragraphs: set[int] = set()
    skip_to = _front_matter_end(text)
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        if start == end or not line.strip() or end <= skip_to or (
                line.rstrip().endswith("/enpproperty-->") and not any(start <= f["start"] < end for f in figures)):
            continue   # the YAML front matter and an e-paper's metadata tail are not the article
        inside = [f for f in figures if start <= f["start"] and f["end"] <= end]
        spans = [Span(f["start"] - start, f["end"] - start, f["id"], _span_title(f),
                      "zone-fig rejected" if f.get("rejected") else "zone-fig") for f in inside]
        paragraphs = sorted({f["paragraph"] for f in inside if f.get("paragraph")} - seen_paragraphs)
        seen_paragraphs.update(paragraphs)
        pid = f' id="p{paragraphs[0]}"' if paragraphs else ""
        out.append(f"<p{pid}>{marked(line[:end - start], spans, anchors=True)}</p>")
    return Markup("\n".join(out))


def _front_matter_end(text: str) -> int:
    """Where a leading YAML front-matter block (--- … ---) ends, else 0."""
    body = text.lstrip("\ufeff")
    if not body.startswith("---"):
        return 0
    close = body.find("\n---", 3)
    return 0 if close < 0 else len(text) - len(body) + close + 4


def _span_title(f: dict[str, Any]) -> str:
    shown = format_value(f.get("value"), f.get("unit"), f.get("value_max"))
    words = [shown, f.get("subject") or "", f.get("period_label") or ""]
    if f.get("rejected"):
        words.append("rejected by a reviewer")
    return " · ".join(w for w in words if w)


# --- charts -------------------------------------------------------------------------------------

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


def line_chart(points: Sequence[Point], unit: str, title: str = "", others: Sequence[Point] = (),
               width: int = 560, height: int = 220) -> Markup:
    """An inline SVG line chart of ``points`` (one per period, in time order), each a link to
    its figure; ``others`` (values of the same periods the series does not use: conflicting
    reports) are drawn as hollow marks. Made on the server: no script, works offline."""
    pts = sorted(points, key=lambda p: p.day)
    if not pts:
        return Markup("")
    all_pts = list(pts) + list(others)
    divisor, shown_unit = scale_for([p.value for p in all_pts], unit)
    ys = [p.value / divisor for p in all_pts]
    low, high = min(0.0, min(ys)), max(0.0, max(ys))
    step = _nice_step(high - low)
    low, high = math.floor(low / step) * step, math.ceil(high / step) * step
    if high == low:
        high = low + step
    left, right, top, bottom = 64, 44, 40, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    days = [p.day.toordinal() for p in all_pts]
    d0, d1 = min(days), max(days)

    def x(day: date) -> float:
        if d1 == d0:
            return left + plot_w / 2
        return left + (day.toordinal() - d0) / (d1 - d0) * plot_w

    def y(v: float) -> float:
        return top + (high - v / divisor) / (high - low) * plot_h

    parts = [f'<svg class="zone-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" aria-label="{escape(title or "chart")}">']
    if title:
        parts.append(f'<text class="title" x="{left}" y="15">{escape(title)}</text>')
    parts.append(f'<text class="unit" x="{left - 6}" y="{top - 12}" text-anchor="end">{escape(shown_unit)}</text>')
    tick = low
    while tick <= high + step / 1000:
        ty = top + (high - tick) / (high - low) * plot_h
        parts.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{ty:.1f}" y2="{ty:.1f}"/>')
        parts.append(f'<text class="tick" x="{left - 6}" y="{ty + 4:.1f}" text-anchor="end">{escape(number(tick))}</text>')
        tick += step
    # At most X_LABELS labels on the time axis, spread over the series, first and last included.
    firsts: dict[str, Point] = {}
    for p in pts:
        firsts.setdefault(p.label, p)
    labels = list(firsts.values())
    if len(labels) > X_LABELS:
        labels = [labels[round(i * (len(labels) - 1) / (X_LABELS - 1))] for i in range(X_LABELS)]
    for p in labels:
        parts.append(f'<text class="tick" x="{x(p.day):.1f}" y="{height - 12}" text-anchor="middle">'
                     f'{escape(p.label)}</text>')
    if len(pts) > 1:
        path = " ".join(f"{x(p.day):.1f},{y(p.value):.1f}" for p in pts)
        parts.append(f'<polyline class="line" points="{path}"/>')
    marks = [(o, "other") for o in others] + [(p, "point") for p in pts]
    for p, css in (marks if len(marks) <= CHART_MARKS else []):
        tip = f"{p.label}: {format_value(p.value, unit)}" + (f" — {p.note}" if p.note else "")
        parts.append(f'<a href="{escape(p.href)}"><circle class="{css}{" conflict" if p.conflict else ""}" '
                     f'cx="{x(p.day):.1f}" cy="{y(p.value):.1f}" r="{5 if css == "point" else 4}">'
                     f'<title>{escape(tip)}</title></circle></a>')
    parts.append("</svg>")
    return Markup("".join(parts))


def period_label(start: str | None, end: str | None) -> str:
    """2021, 2021-01–2021-06, 2022-08-10: a period as short as it can be said."""
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
    several = {(region, kind, unit) for region, kind, unit, _ in groups}
    windows = {key: sum(1 for k in groups if k[:3] == key) for key in several}
    charts = []
    for (region, kind, unit, window), rows in groups.items():
        main: list[Point] = []
        others: list[Point] = []
        for r in rows:
            day = _day(r.get("period_end")) or _day(r.get("period_start"))
            if day is None:
                continue
            point = Point(day, float(r["value"]), period_label(r.get("period_start"), r.get("period_end")),
                          figure_url(r["figure_id"]),
                          f"{r.get('paper') or ''} {r.get('published') or ''}".strip()
                          + (" (conflict)" if r.get("conflict") else ""), bool(r.get("conflict")))
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


# --- loaders -------------------------------------------------------------------------------------

async def _rows(db: Any, sql: str, params: Sequence[Any] | dict[str, Any] = (), **kwargs: Any) -> list[dict[str, Any]]:
    results = await db.execute(sql, params, **kwargs)
    return [dict(r) for r in results.rows]


async def _one(db: Any, sql: str, params: Sequence[Any] | dict[str, Any] = (), **kwargs: Any) -> dict[str, Any] | None:
    rows = await _rows(db, sql, params, **kwargs)
    return rows[0] if rows else None


async def queue_reasons(db: Any, figure: dict[str, Any], current: dict[str, Any] | None) -> list[str]:
    """Why this figure waits in the review queue (the review_waiting view's reasons for it),
    read from its own series instead of the whole queue."""
    if current is None or figure["origin"] != "reported" or current["decision"] or current["corrected"]:
        return []
    if current["relinked"]:
        return []
    reasons = []
    if current["extracted_indicator_id"] is None:
        reasons.append("unlinked")
    else:
        flags = await _one(db, "SELECT conflict, disagrees_with_derived, repeated_in_article FROM series "
                               "WHERE indicator_id = ? AND figure_id = ?", [current["indicator_id"], figure["id"]])
        if flags and flags["conflict"]:
            reasons.append("conflict")
        elif flags and flags["disagrees_with_derived"]:
            reasons.append("disagrees with derived")
        elif flags and flags["repeated_in_article"]:
            reasons.append("same indicator twice in article")
        if not reasons and figure["link_margin"] is not None and figure["link_margin"] < UNCERTAIN_MARGIN:
            reasons.append(f"uncertain: also fits {figure['link_rival']}")
    return reasons


async def figure_page(db: Any, figure_id: int) -> dict[str, Any] | None:
    figure = await _one(db, """
        SELECT f.*, a.title, a.paper, a.published, a.edition, a.url, a.source_id, r.name AS region_name,
               r.id AS region_ref
        FROM figure f JOIN article a ON a.id = f.article_id LEFT JOIN region r ON r.id = f.region_id
        WHERE f.id = ?""", [figure_id])
    if figure is None:
        return None
    current = await _one(db, "SELECT * FROM figure_current WHERE id = ?", [figure_id])
    reviews = await _rows(db, "SELECT id, action, indicator_id, value, period_start, period_end, note, reviewed_at "
                              "FROM review WHERE fkey = ? ORDER BY id", [figure["fkey"]])
    shown = current or figure
    indicator = None
    if shown.get("indicator_id"):
        indicator = await _one(db, "SELECT id, name, name_en, unit, sector, definition FROM indicator WHERE id = ?",
                               [shown["indicator_id"]])
    neighbours = await _rows(db, """
        SELECT id, start, "end", text, value, unit, value_max, subject, period_label FROM figure
        WHERE article_id = ? AND sentence_start = ? AND origin = 'reported' ORDER BY start""",
                             [figure["article_id"], figure["sentence_start"]])
    offset = figure["sentence_start"]
    spans = [Span(n["start"] - offset, n["end"] - offset, n["id"], _span_title(n),
                  "zone-fig this" if n["id"] == figure_id else "zone-fig")
             for n in neighbours if n["id"] != figure_id] + \
        [Span(figure["start"] - offset, figure["end"] - offset, figure_id, "", "zone-fig this")]
    if figure["origin"] == "derived":
        spans = [s for s in spans if s.figure_id != figure_id]
    sources = await _rows(db, """
        SELECT f.id, f.text, f.value, f.unit, f.subject FROM figure_source s JOIN figure f ON f.id = s.source_id
        WHERE s.figure_id = ? ORDER BY f.id""", [figure_id])
    derived = await _rows(db, """
        SELECT f.id, f.text, f.value, f.unit, f.subject FROM figure_source s JOIN figure f ON f.id = s.figure_id
        WHERE s.source_id = ? ORDER BY f.id""", [figure_id])
    state = review_state(current, reviews, await queue_reasons(db, figure, current))
    return {
        "figure": figure, "current": current, "reviews": reviews, "indicator": indicator, "state": state,
        "shown_value": format_value(shown["value"], figure["unit"], shown.get("value_max")),
        "extracted_value": format_value(figure["value"], figure["unit"], figure["value_max"]),
        "base_value": number(float(shown["value"])),
        "base_value_max": number(float(figure["value_max"])) if figure["value_max"] is not None else "",
        "sentence": marked(figure["sentence"], spans),
        "article_link": article_url(figure["article_id"], figure["paragraph"]),
        "article_figure_link": article_url(figure["article_id"], figure_id=figure_id),
        "period": period_label(shown.get("period_start"), shown.get("period_end")),
        "sources": sources, "derived": derived,
    }


def review_state(current: dict[str, Any] | None, reviews: Sequence[dict[str, Any]], queue: Sequence[str]) -> dict[str, Any]:
    """What a reviewer has decided on a figure, in words, with a css class."""
    if current is None:
        return {"label": "rejected", "css": "rejected", "detail": "A reviewer rejected this figure: it is left out "
                "of every view, series and brief."}
    words = []
    if current["decision"] == "accept":
        words.append("accepted")
    if current["corrected"]:
        words.append("corrected")
    if current["relinked"]:
        words.append("relinked")
    if current["preferred_by"]:
        words.append("preferred in its period")
    if queue:
        return {"label": "waiting for review", "css": "waiting", "detail": "; ".join(queue)}
    if words:
        return {"label": ", ".join(words), "css": "reviewed", "detail": ""}
    return {"label": "not reviewed", "css": "plain", "detail": "No reason to review it was found."}


async def article_page(db: Any, article_id: int) -> dict[str, Any] | None:
    article = await _one(db, """
        SELECT a.id, a.source_id, a.paper, a.published, a.edition, a.page, a.title, a.url, a.text, a.format,
               a.extractor_version, a.ingested_at, r.name AS region_name, r.id AS region_ref
        FROM article a LEFT JOIN region r ON r.id = a.region_id WHERE a.id = ?""", [article_id])
    if article is None:
        return None
    figures = await _rows(db, """
        SELECT f.id, f.seq, f.start, f."end", f.text, f.value, f.unit, f.value_max, f.subject, f.kind, f.sector,
               f.paragraph, f.period_label, f.period_start, f.period_end, f.indicator_id
        FROM figure f WHERE f.article_id = ? AND f.origin = 'reported' ORDER BY f.seq""", [article_id])
    # The figures as reviewed, read apart: joined to figure, the view would be built whole.
    current = {r["id"]: r for r in await _rows(db, """
        SELECT id, value, corrected FROM figure_current WHERE article_id = ? AND origin = 'reported'""", [article_id])}
    for f in figures:
        f["rejected"] = f["id"] not in current
        if not f["rejected"]:
            f["value"] = current[f["id"]]["value"]
    return {"article": article, "figures": figures, "body": article_body(article["text"], figures),
            "kept": sum(1 for f in figures if not f["rejected"])}


async def indicator_page(db: Any, indicator_id: str) -> dict[str, Any] | None:
    indicator = await _one(db, "SELECT * FROM indicator WHERE id = ?", [indicator_id])
    if indicator is None:
        return None
    points = await _rows(db, """
        SELECT * FROM series WHERE indicator_id = ?
        ORDER BY region, kind, coalesce(period_end, period_start), period_start, preferred DESC, published, figure_id""",
                         [indicator_id])
    for p in points:
        p["shown"] = format_value(p["value"], p["unit"], p.get("value_max"))
        p["period"] = period_label(p["period_start"], p["period_end"])
        p["article_link"] = article_url(p["article_id"], figure_id=p["figure_id"])
    conflicts: dict[str, list[dict[str, Any]]] = {}
    for p in points:
        if p["conflict"]:
            conflicts.setdefault(p["point_key"], []).append(p)
    return {"indicator": indicator, "points": points[-INDICATOR_ROWS:], "point_count": len(points),
            "charts": series_charts(points), "conflicts": list(conflicts.values())[-INDICATOR_ROWS:]}


# The zone's part of the review_waiting view (zone review's queue), each branch read through
# the zone's figures (figure_region index) or its series (region_id pushed down).
QUEUE_COUNT_SQL = """
    SELECT count(*) AS n FROM (
        SELECT fc.id FROM figure_current fc
        WHERE fc.region_id = :region AND fc.extracted_indicator_id IS NULL AND NOT fc.relinked
          AND fc.origin = 'reported' AND fc.decision IS NULL AND NOT fc.corrected
        UNION
        SELECT s.figure_id FROM series s
        WHERE s.region_id = :region AND s.origin = 'reported' AND s.decision IS NULL AND NOT s.corrected
          AND NOT s.relinked AND (s.conflict OR s.disagrees_with_derived OR s.repeated_in_article)
        UNION
        SELECT f.id FROM figure f JOIN figure_current fc ON fc.id = f.id
        WHERE f.region_id = :region AND f.link_margin < :margin AND f.indicator_id IS NOT NULL
          AND fc.origin = 'reported' AND fc.decision IS NULL AND NOT fc.relinked AND NOT fc.corrected
    )"""


async def region_dashboard(db: Any, region_id: int) -> dict[str, Any] | None:
    region = await _one(db, "SELECT * FROM region WHERE id = ?", [region_id])
    if region is None:
        return None
    slow: list[str] = []   # sections that ran out of time (Datasette's SQL time limit)

    async def bounded(section: str, query: Any, default: Any) -> Any:
        try:
            return await query
        except QueryInterrupted:
            slow.append(section)
            return default

    latest = await bounded("key figures", _rows(db, """
        WITH ranked AS (
            SELECT fc.id, row_number() OVER (
                       PARTITION BY fc.sector, coalesce(fc.indicator_id, fc.subject), fc.kind
                       ORDER BY fc.period_end DESC, a.published DESC, fc.id DESC) AS recency
            FROM figure_current fc JOIN article a ON a.id = fc.article_id
            WHERE fc.region_id = :region
        )
        SELECT fc.id, fc.sector, fc.indicator_id, i.name AS indicator_name, fc.subject, fc.kind, fc.value,
               fc.value_max, fc.unit, fc.qualifier, fc.text, fc.period_start, fc.period_end, fc.origin, fc.corrected,
               a.published, a.paper, fc.article_id
        FROM ranked JOIN figure_current fc ON fc.id = ranked.id JOIN article a ON a.id = fc.article_id
        LEFT JOIN indicator i ON i.id = fc.indicator_id
        WHERE ranked.recency = 1
        ORDER BY fc.sector, fc.indicator_id IS NULL, fc.origin = 'derived', fc.period_end DESC, fc.id""",
                         {"region": region_id}), [])
    sectors: dict[str, dict[str, Any]] = {}
    for r in latest:
        r["shown"] = format_value(r["value"], r["unit"], r["value_max"])
        r["period"] = period_label(r["period_start"], r["period_end"])
        sector = sectors.setdefault(r["sector"], {"sector": r["sector"], "figures": [], "count": 0, "latest": ""})
        sector["count"] += 1
        if r["kind"] != "target":   # a goal for 2030 is not the latest period reported
            sector["latest"] = max(sector["latest"], r["period_end"] or "")
        if len(sector["figures"]) < KEY_FIGURES_PER_SECTOR:
            sector["figures"].append(r)
    for sector in sectors.values():
        sector["latest_label"] = sector["latest"][:7] if sector["latest"] else ""
    candidates = await bounded("series", _rows(db, """
        SELECT fc.indicator_id, count(DISTINCT coalesce(fc.period_end, fc.period_start)) AS periods
        FROM figure_current fc
        WHERE fc.region_id = :region AND fc.indicator_id IS NOT NULL
        GROUP BY fc.indicator_id HAVING periods >= 2
        ORDER BY periods DESC, fc.indicator_id LIMIT :limit""", {"region": region_id, "limit": DASHBOARD_CHARTS}), [])
    async def charts_of(indicator_id: str) -> list[dict[str, Any]]:
        rows = await _rows(db, f"""
            SELECT {CHART_COLUMNS} FROM series WHERE indicator_id = ? AND region_id = ? AND (preferred OR conflict)
            ORDER BY coalesce(period_end, period_start), period_start, preferred DESC""", [indicator_id, region_id])
        made = series_charts(rows, min_periods=2)
        for chart in made:
            chart["indicator_id"] = indicator_id
        return made

    # Datasette runs queries on a pool of threads: the series are read side by side.
    charts = [chart for made in await asyncio.gather(
                  *(bounded("series", charts_of(c["indicator_id"]), []) for c in candidates))
              for chart in made]
    try:
        queue = await _one(db, QUEUE_COUNT_SQL, {"region": region_id, "margin": UNCERTAIN_MARGIN},
                           custom_time_limit=QUEUE_COUNT_MS)
        queue_count: int | None = queue["n"] if queue else 0
    except QueryInterrupted:
        queue_count = None
    articles = await bounded("newest articles", _rows(db, """
        SELECT id, title, paper, published, edition FROM article
        WHERE id IN (SELECT id FROM article WHERE region_id = :region
                     UNION SELECT article_id FROM figure WHERE region_id = :region)
        ORDER BY published DESC, id DESC LIMIT :limit""", {"region": region_id, "limit": NEWEST_ARTICLES}), [])
    return {"region": region, "sectors": list(sectors.values()), "charts": charts,
            "queue_count": queue_count, "articles": articles, "slow": sorted(set(slow)),
            "figure_count": len(latest)}


async def zones(db: Any) -> list[dict[str, Any]]:
    """Regions that have figures, most figures first: the dashboards the index page offers."""
    return await _rows(db, """
        SELECT r.id, r.name, r.name_en, r.level, count(*) AS figures
        FROM figure f JOIN region r ON r.id = f.region_id
        GROUP BY r.id ORDER BY figures DESC, r.name LIMIT 50""")
