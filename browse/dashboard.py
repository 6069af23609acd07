"""A zone's dashboard (/zone/region/ID) and the list of zones with figures.

Bounded whatever the size of the database, as the brief is: the key figures and the series
worth a chart come from the zone's newest articles (RECENT_ARTICLES), each chart reads only
its latest periods, and the review-queue count gives up after QUEUE_COUNT_MS (the tile then
links to the queue instead of guessing a number).
"""
from __future__ import annotations

import asyncio
from typing import Any, Awaitable

from datasette.database import QueryInterrupted

from browse.charts import period_label, series_charts
from browse.marks import shown_value
from browse.pages import UNCERTAIN_MARGIN, one, rows, sector_of
from common.formatting import format_base
from track.sectors import sectors

KEY_FIGURES_PER_SECTOR = 8
DASHBOARD_CHARTS = 6
CHART_PERIODS = 24
NEWEST_ARTICLES = 10
RECENT_ARTICLES = 60
QUEUE_COUNT_MS = 150
# What a chart needs of a series row.
CHART_COLUMNS = ("indicator_id, indicator_name, region, kind, unit, period_start, period_end, value, figure_id, "
                 "paper, published, preferred, conflict, origin, window")

# The zone's newest articles: those about it, or with a figure about it, newest first. Walks
# the articles by date (article_published) and stops at :limit; a figure is looked for among
# the article's own figures (figure_article).
RECENT_SQL = """
    SELECT a.id, a.title, a.paper, a.published, a.edition FROM article a
    WHERE a.region_id = :region
       OR EXISTS (SELECT 1 FROM figure f WHERE f.article_id = a.id AND f.region_id = :region)
    ORDER BY a.published DESC, a.id DESC LIMIT :limit"""

# The latest figure of each subject (indicator, else subject words) and kind among the zone's
# newest articles, as reviewed.
LATEST_SQL = """
    WITH ranked AS (
        SELECT fc.id, row_number() OVER (
                   PARTITION BY coalesce(fc.indicator_id, fc.subject), fc.kind
                   ORDER BY fc.period_end DESC, a.published DESC, fc.id DESC) AS recency
        FROM json_each(:recent)
        CROSS JOIN figure_current fc ON fc.article_id = json_each.value
        JOIN article a ON a.id = fc.article_id
        WHERE +fc.region_id = :region
    )
    SELECT fc.id, fc.sector, fc.indicator_id, i.name AS indicator_name, i.sector AS indicator_sector, fc.subject,
           fc.kind, fc.value, fc.value_max, fc.unit, fc.qualifier, fc.text, fc.period_start, fc.period_end, fc.origin,
           fc.corrected, a.published, a.paper, fc.article_id
    FROM ranked JOIN figure_current fc ON fc.id = ranked.id JOIN article a ON a.id = fc.article_id
    LEFT JOIN indicator i ON i.id = fc.indicator_id
    WHERE ranked.recency = 1
    ORDER BY fc.indicator_id IS NULL, fc.origin = 'derived', fc.period_end DESC, fc.id"""

# Series worth a chart: the indicators the newest articles report for the zone (level figures).
CANDIDATES_SQL = """
    SELECT DISTINCT f.indicator_id, f.kind, f.unit FROM json_each(:recent)
    -- The articles' own figures (figure_article), not the zone's (unary + keeps SQLite from
    -- reading every level figure of the zone through figure_region_scope).
    CROSS JOIN figure f ON f.article_id = json_each.value
    WHERE +f.region_id = :region AND f.indicator_id IS NOT NULL AND +f.kind = 'level'"""

# A series' latest :periods period ends, newest first, each found by one search of the
# figure_points index (the next end below the last one found): a skip-scan, so a period
# reported by thousands of articles costs one search, not thousands of index entries.
PERIODS_SQL = """
    WITH RECURSIVE ends(e, n) AS (
        SELECT (SELECT max(p.period_end) FROM figure p
                WHERE p.indicator_id = :indicator AND p.region_id = :region AND p.kind = :kind AND p.unit = :unit), 1
        UNION ALL
        SELECT (SELECT max(p.period_end) FROM figure p
                WHERE p.indicator_id = :indicator AND p.region_id = :region AND p.kind = :kind AND p.unit = :unit
                  AND p.period_end < ends.e), n + 1
        FROM ends WHERE ends.e IS NOT NULL AND n < :periods
    )
    SELECT count(e) AS periods, min(e) AS cutoff FROM ends"""

# A chart's points: the latest periods of one series (terms on the series view's partition
# columns reach the figures).
CHART_SQL = f"""
    SELECT {CHART_COLUMNS} FROM series
    WHERE indicator_id = :indicator AND region_id = :region AND kind = :kind AND unit = :unit
      AND period_end >= :cutoff AND (preferred OR conflict)
    ORDER BY coalesce(period_end, period_start), period_start, preferred DESC"""

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


# The regions with figures, each counted up to :cap (the index page's list of zones).
ZONES_SQL = """
    SELECT id, name, name_en, level, figures FROM (
        SELECT r.id, r.name, r.name_en, r.level,
               (SELECT count(*) FROM (SELECT 1 FROM figure f WHERE f.region_id = r.id LIMIT :cap + 1)) AS figures
        FROM region r)
    WHERE figures > 0 ORDER BY figures DESC, name LIMIT 50"""


# What the dashboard and the index page ask of the database: browse/serve.py keeps the answers
# per version of the file, like the canned queries', and finishes the queue count in the background when it takes
# longer than QUEUE_COUNT_MS (the next visit shows it).
KEPT_SQL = (RECENT_SQL, LATEST_SQL, CANDIDATES_SQL, PERIODS_SQL, CHART_SQL, QUEUE_COUNT_SQL, ZONES_SQL)



def by_sector(latest: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Key figures grouped under the catalog's sectors, in its order, at most
    KEY_FIGURES_PER_SECTOR each, with the latest period each sector reports."""
    vocabulary = sectors()
    grouped: dict[str, dict[str, Any]] = {}
    for r in latest:
        r["shown"] = shown_value(r)
        r["base"] = format_base(r["value"], r["unit"], derived=r["origin"] == "derived")
        r["period"] = period_label(r["period_start"], r["period_end"])
        name = sector_of(r.pop("indicator_sector"), r["sector"])
        # The words figures are stored under for this sector (its name and aliases), for a link
        # to all of them in figure_detail.
        sector = grouped.setdefault(name, {"sector": name, "figures": [], "count": 0, "latest": "",
                                           "names": [n for n, c in vocabulary.names.items() if c == name]})
        sector["count"] += 1
        if r["kind"] != "target":   # a goal for 2030 is not the latest period reported
            sector["latest"] = max(sector["latest"], r["period_end"] or "")
        if len(sector["figures"]) < KEY_FIGURES_PER_SECTOR:
            sector["figures"].append(r)
    for sector in grouped.values():
        sector["latest_label"] = sector["latest"][:7] if sector["latest"] else ""
    return sorted(grouped.values(), key=lambda s: vocabulary.order(s["sector"]))


async def _chart_candidates(db: Any, region_id: int, scope: dict[str, Any]) -> list[dict[str, Any]]:
    """The DASHBOARD_CHARTS series with most periods (counted up to CHART_PERIODS) among those
    the newest articles report, each with the cut-off of its latest CHART_PERIODS periods."""
    found = []
    for c in await rows(db, CANDIDATES_SQL, scope):
        span = await one(db, PERIODS_SQL, {"indicator": c["indicator_id"], "region": region_id, "kind": c["kind"],
                                           "unit": c["unit"], "periods": CHART_PERIODS})
        if span and span["periods"] >= 2:
            found.append({**c, **span})
    found.sort(key=lambda c: (-c["periods"], c["indicator_id"]))
    return found[:DASHBOARD_CHARTS]


async def _charts(db: Any, region_id: int, candidates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The candidates' series over their latest periods, read side by side (Datasette runs
    queries on a pool of threads)."""
    async def charts_of(c: dict[str, Any]) -> list[dict[str, Any]]:
        found = await rows(db, CHART_SQL, {"indicator": c["indicator_id"], "region": region_id, "kind": c["kind"], "unit": c["unit"],
                            "cutoff": c["cutoff"] or ""})
        made = series_charts(found, min_periods=2)
        for chart in made:
            chart["indicator_id"] = c["indicator_id"]
        return made

    return [chart for made in await asyncio.gather(*(charts_of(c) for c in candidates)) for chart in made]


async def _queue_count(db: Any, region_id: int) -> int | None:
    try:
        queue = await one(db, QUEUE_COUNT_SQL, {"region": region_id, "margin": UNCERTAIN_MARGIN},
                          custom_time_limit=QUEUE_COUNT_MS)
    except QueryInterrupted:
        return None
    return int(queue["n"]) if queue else 0


async def region_dashboard(db: Any, region_id: int) -> dict[str, Any] | None:
    region = await one(db, "SELECT * FROM region WHERE id = ?", [region_id])
    if region is None:
        return None
    slow: list[str] = []   # sections that ran out of time (Datasette's SQL time limit)

    async def bounded(section: str, query: Awaitable[Any], default: Any) -> Any:
        try:
            return await query
        except QueryInterrupted:
            slow.append(section)
            return default

    recent = await bounded("newest articles", rows(db, RECENT_SQL, {"region": region_id, "limit": RECENT_ARTICLES}), [])
    scope = {"region": region_id, "recent": "[" + ",".join(str(a["id"]) for a in recent) + "]"}
    latest = await bounded("key figures", rows(db, LATEST_SQL, scope), [])
    candidates = await bounded("series", _chart_candidates(db, region_id, scope), [])
    charts = await bounded("series", _charts(db, region_id, candidates), [])
    return {"region": region, "sectors": by_sector(latest), "charts": charts,
            "queue_count": await _queue_count(db, region_id), "articles": recent[:NEWEST_ARTICLES],
            "recent_articles": len(recent), "slow": sorted(set(slow)), "figure_count": len(latest)}


# The index page counts each zone's figures up to this many (10,000+), from the figure_region
# index, rather than counting a million figures on every visit.
ZONE_COUNT_CAP = 10_000


async def zones(db: Any) -> list[dict[str, Any]]:
    """Regions that have figures, most figures first: the dashboards the index page offers."""
    found = await rows(db, ZONES_SQL, {"cap": ZONE_COUNT_CAP})
    for r in found:
        r["figures_shown"] = f"{ZONE_COUNT_CAP:,}+" if r["figures"] > ZONE_COUNT_CAP else f"{r['figures']:,}"
    return found
