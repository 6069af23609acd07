"""What zone's own pages show: a figure, an indicator, an article (the zone's dashboard is in
browse/dashboard.py).

Loaders read through Datasette's read-only connections (``db.execute``) and return plain
dicts for the templates in browse/templates; values are written by common.formatting (through
browse.marks.shown_value), sectors named from the catalog's one vocabulary (track.sectors).
"""
from __future__ import annotations

from typing import Any, Sequence

from browse.charts import period_label, series_charts
from browse.marks import Span, article_body, article_url, marked, shown_value, span_title
from common.formatting import format_base, format_value
from track.sectors import sectors

UNCERTAIN_MARGIN = 15.0   # track.review.UNCERTAIN_MARGIN, as in the review_waiting view
# An indicator page lists at most this many points (the canned query `series` has them all).
INDICATOR_ROWS = 300


async def rows(db: Any, sql: str, params: Sequence[Any] | dict[str, Any] = (), **kwargs: Any) -> list[dict[str, Any]]:
    results = await db.execute(sql, params, **kwargs)
    return [dict(r) for r in results.rows]


async def one(db: Any, sql: str, params: Sequence[Any] | dict[str, Any] = (), **kwargs: Any) -> dict[str, Any] | None:
    found = await rows(db, sql, params, **kwargs)
    return found[0] if found else None


def sector_of(indicator_sector: str | None, extracted: str | None) -> str:
    """A figure's sector in the catalog's vocabulary: its indicator's, else the extractor's guess
    mapped through the aliases (as the brief files it)."""
    return sectors().canonical(indicator_sector or extracted)


# The flags of one point of a series: every term is on the view's partition columns, so
# SQLite ranks only that point's figures (figure_points index), not the whole indicator.
POINT_FLAGS_SQL = """
    SELECT conflict, disagrees_with_derived, repeated_in_article FROM series
    WHERE indicator_id = :indicator AND region_id IS :region AND kind = :kind AND unit = :unit
      AND period_start IS :start AND period_end IS :end AND figure_id = :figure"""


async def queue_reasons(db: Any, figure: dict[str, Any], current: dict[str, Any] | None) -> list[str]:
    """Why this figure waits in the review queue (the review_waiting view's reasons for it),
    read from its own point of its series instead of the whole queue."""
    if current is None or figure["origin"] != "reported" or current["decision"] or current["corrected"]:
        return []
    if current["relinked"]:
        return []
    if current["extracted_indicator_id"] is None:
        return ["unlinked"]
    flags = await one(db, POINT_FLAGS_SQL, {
        "indicator": current["indicator_id"], "region": current["region_id"], "kind": current["kind"],
        "unit": current["unit"], "start": current["period_start"], "end": current["period_end"],
        "figure": figure["id"]})
    if flags and flags["conflict"]:
        return ["conflict"]
    if flags and flags["disagrees_with_derived"]:
        return ["disagrees with derived"]
    if flags and flags["repeated_in_article"]:
        return ["same indicator twice in article"]
    if figure["link_margin"] is not None and figure["link_margin"] < UNCERTAIN_MARGIN:
        return [f"uncertain: also fits {figure['link_rival']}"]
    return []


async def _figure_rows(db: Any, figure_id: int) -> dict[str, Any] | None:
    """The figure with its article and region, as reviewed, its reviews and indicator."""
    figure = await one(db, """
        SELECT f.*, s.text AS sentence, s.start AS sentence_start, a.title, a.paper, a.published, a.edition,
               a.url, a.source_id, r.name AS region_name, r.id AS region_ref
        FROM figure f JOIN sentence s ON s.id = f.sentence_id JOIN article a ON a.id = f.article_id
        LEFT JOIN region r ON r.id = f.region_id
        WHERE f.id = ?""", [figure_id])
    if figure is None:
        return None
    current = await one(db, "SELECT * FROM figure_current WHERE id = ?", [figure_id])
    reviews = await rows(db, "SELECT id, action, indicator_id, value, period_start, period_end, note, reviewed_at "
                             "FROM review WHERE fkey = ? ORDER BY id", [figure["fkey"]])
    for r in reviews:
        r["shown"] = format_value(r["value"], figure["unit"]) if r["value"] is not None else ""
    indicator_id = (current or figure).get("indicator_id")
    indicator = await one(db, "SELECT id, name, name_en, unit, sector, definition FROM indicator WHERE id = ?",
                          [indicator_id]) if indicator_id else None
    return {"figure": figure, "current": current, "reviews": reviews, "indicator": indicator}


async def _sentence(db: Any, figure: dict[str, Any]) -> Any:
    """The figure's sentence, it and the other figures of the sentence marked."""
    neighbours = await rows(db, """
        SELECT id, start, "end", text, value, unit, value_max, subject, period_label, origin FROM figure
        WHERE sentence_id = ? AND origin = 'reported' ORDER BY start""", [figure["sentence_id"]])
    offset = figure["sentence_start"]
    spans = [Span(n["start"] - offset, n["end"] - offset, n["id"], span_title(n), "zone-fig")
             for n in neighbours if n["id"] != figure["id"]]
    if figure["origin"] != "derived":
        spans.append(Span(figure["start"] - offset, figure["end"] - offset, figure["id"], "", "zone-fig this"))
    return marked(figure["sentence"], spans)


async def figure_page(db: Any, figure_id: int) -> dict[str, Any] | None:
    found = await _figure_rows(db, figure_id)
    if found is None:
        return None
    figure, current = found["figure"], found["current"]
    shown = {**figure, **(current or {})}
    sources = await rows(db, """
        SELECT f.id, f.text, f.value, f.unit, f.subject FROM figure_source s JOIN figure f ON f.id = s.source_id
        WHERE s.figure_id = ? ORDER BY f.id""", [figure_id])
    derived = await rows(db, """
        SELECT f.id, f.text, f.value, f.unit, f.subject FROM figure_source s JOIN figure f ON f.id = s.figure_id
        WHERE s.source_id = ? ORDER BY f.id""", [figure_id])
    derived_origin = figure["origin"] == "derived"
    return {
        **found,
        "state": review_state(current, found["reviews"], await queue_reasons(db, figure, current)),
        "shown_value": shown_value(shown),
        "extracted_value": shown_value(figure),
        "base_value": format_base(shown["value"], figure["unit"], derived=derived_origin),
        "base_value_max": format_base(figure["value_max"], figure["unit"]) if figure["value_max"] is not None else "",
        "sector": sector_of((found["indicator"] or {}).get("sector"), figure["sector"]),
        "sentence": await _sentence(db, figure),
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
    article = await one(db, """
        SELECT a.id, a.source_id, a.paper, a.published, a.edition, a.page, a.title, a.url, a.text, a.format,
               a.extractor_version, a.ingested_at, r.name AS region_name, r.id AS region_ref
        FROM article a LEFT JOIN region r ON r.id = a.region_id WHERE a.id = ?""", [article_id])
    if article is None:
        return None
    figures = await rows(db, """
        SELECT f.id, f.seq, f.start, f."end", f.text, f.value, f.unit, f.value_max, f.subject, f.kind, f.sector,
               f.paragraph, f.period_label, f.period_start, f.period_end, f.indicator_id, f.origin
        FROM figure f WHERE f.article_id = ? AND f.origin = 'reported' ORDER BY f.seq""", [article_id])
    # The figures as reviewed, read apart: joined to figure, the view would be built whole.
    current = {r["id"]: r for r in await rows(db, """
        SELECT id, value, corrected FROM figure_current WHERE article_id = ? AND origin = 'reported'""", [article_id])}
    for f in figures:
        f["rejected"] = f["id"] not in current
        if not f["rejected"]:
            f["value"] = current[f["id"]]["value"]
    return {"article": article, "figures": figures, "body": article_body(article["text"], figures),
            "kept": sum(1 for f in figures if not f["rejected"])}


# An indicator page reads its series for the latest INDICATOR_PERIODS period ends (every region);
# the canned query `series` lists them all.
INDICATOR_PERIODS = 40
# The cut-off: the INDICATOR_PERIODS-th latest period end, from the figure_series index alone.
INDICATOR_CUTOFF_SQL = """
    SELECT min(period_end) AS cutoff FROM (
        SELECT DISTINCT period_end FROM figure WHERE indicator_id = :indicator AND period_end IS NOT NULL
        ORDER BY period_end DESC LIMIT :periods)"""


# period_end is a column the series view is partitioned by: the term reaches the figures.
INDICATOR_SERIES_SQL = """
    SELECT * FROM series WHERE indicator_id = :indicator AND (period_end >= :cutoff OR :cutoff IS NULL)
    ORDER BY region, kind, coalesce(period_end, period_start), period_start, preferred DESC, published, figure_id"""
# An indicator page's series: browse/serve.py keeps the answers per version of the file.
KEPT_SQL = (INDICATOR_CUTOFF_SQL, INDICATOR_SERIES_SQL)


async def indicator_page(db: Any, indicator_id: str) -> dict[str, Any] | None:
    indicator = await one(db, "SELECT * FROM indicator WHERE id = ?", [indicator_id])
    if indicator is None:
        return None
    cutoff = await one(db, INDICATOR_CUTOFF_SQL, {"indicator": indicator_id, "periods": INDICATOR_PERIODS})
    points = await rows(db, INDICATOR_SERIES_SQL, {"indicator": indicator_id, "cutoff": (cutoff or {}).get("cutoff")})
    for p in points:
        p["shown"] = shown_value(p)
        p["base"] = format_base(p["value"], p["unit"], derived=p["origin"] == "derived")
        p["period"] = period_label(p["period_start"], p["period_end"])
        p["article_link"] = article_url(p["article_id"], figure_id=p["figure_id"])
    conflicts: dict[str, list[dict[str, Any]]] = {}
    for p in points:
        if p["conflict"]:
            conflicts.setdefault(p["point_key"], []).append(p)
    return {"indicator": indicator, "sector": sector_of(indicator["sector"], None), "periods": INDICATOR_PERIODS,
            "points": points[-INDICATOR_ROWS:], "point_count": len(points),
            "charts": series_charts(points), "conflicts": list(conflicts.values())[-INDICATOR_ROWS:]}
