"""What the zone brief shows of one region, read with bounded queries over all its articles.

The tables start from the latest period of every linked indicator in the region (found in the
figure_points index, whatever the age of the article that reported it), the unlinked figures
of the region's newest articles (free words, not series: the newest stand for them, the rest
is counted), and the figures a reviewer relinked or corrected. The series are every indicator
of the region reported in two or more periods; only their latest periods are read. Counts of
everything else come from indexes (figure_region_scope), so the brief says what it leaves out.
"""
from __future__ import annotations

import json
import sqlite3

from reports.queries import (
    BriefError,
    FigureFact,
    Limits,
    Region,
    SeriesPoint,
    ZoneFacts,
    choose_region,
    load_articles,
    load_figures,
    load_points,
    named,
    with_sources,
    zone_name_from_titles,
)
from reports.series import latest_level, level_series, shown_groups
from track.sectors import sectors

# A figure's sector in the one vocabulary (track.sectors): its indicator's, else the one the
# extractor gave it, mapped through the catalog's aliases; else 其他. :sectors is the name map.
SECTOR_SQL = "coalesce(json_extract(:sectors, '$.' || json_quote(coalesce(i.sector, fc.sector))), '其他')"

# The candidates (:candidates) in the region, as reviewed: figure_current hides
# rejected figures and applies corrections and relinks. A figure without a region of its own
# belongs to its article's; the scope is the region and the regions inside it (:scope, JSON;
# NULL: every figure).
# A derived figure that a reported one of the same point (indicator, region, kind, unit,
# period) makes redundant is left out: one number per fact.
_SCOPED = f"""
scoped AS (
    SELECT fc.id, fc.article_id, fc.seq, fc.kind, fc.direction, fc.unit, fc.qualifier,
           fc.value, fc.value_max, fc.period_start, fc.period_end, a.published,
           coalesce(fc.region_id, a.region_id) AS rid,
           coalesce(fc.indicator_id, fc.subject) AS what,
           CASE WHEN fc.kind <> 'target' THEN {SECTOR_SQL} END AS part,       -- targets: one table, NULL
           CASE WHEN fc.kind = 'target' THEN coalesce(fc.period_end, '') END AS horizon
    FROM figure_current fc
    JOIN article a ON a.id = fc.article_id
    LEFT JOIN indicator i ON i.id = fc.indicator_id
    WHERE fc.id IN (SELECT value FROM json_each(:candidates))
      AND (:scope IS NULL OR coalesce(fc.region_id, a.region_id) IN (SELECT value FROM json_each(:scope)))
      AND NOT (fc.origin = 'derived' AND EXISTS (
          SELECT 1 FROM figure r
          WHERE r.indicator_id = fc.indicator_id AND r.region_id IS fc.region_id AND r.period_end IS fc.period_end
            AND r.period_start IS fc.period_start AND r.kind = fc.kind AND r.unit = fc.unit
            AND r.origin = 'reported'))
)"""

# How many figures the region holds, per indicator, extracted sector and region, from the
# figure_region index alone; a figure with no region of its own counts for its article's.
_COUNTS = """
SELECT f.indicator_id, f.sector, f.kind = 'target' AS target, f.region_id AS rid, count(*) AS n
FROM figure f
WHERE f.region_id IS NOT NULL AND (:scope IS NULL OR f.region_id IN (SELECT value FROM json_each(:scope)))
GROUP BY f.region_id, f.kind, f.indicator_id, f.sector          -- the index's order: no sorting
UNION ALL
SELECT f.indicator_id, f.sector, f.kind = 'target', a.region_id, count(*)
FROM figure f JOIN article a ON a.id = f.article_id
WHERE f.region_id IS NULL AND (:scope IS NULL OR a.region_id IN (SELECT value FROM json_each(:scope)))
GROUP BY a.region_id, f.kind, f.indicator_id, f.sector
"""

# Figures a reviewer rejected (the latest decision), to take off the counts: few, by the review table.
_REJECTED = """
SELECT f.indicator_id, f.sector, f.kind = 'target' AS target, coalesce(f.region_id, a.region_id) AS rid,
       count(*) AS n
FROM review r
JOIN figure f ON f.fkey = r.fkey
JOIN article a ON a.id = f.article_id
WHERE r.action = 'reject' AND r.id = (SELECT max(id) FROM review WHERE fkey = r.fkey AND action IN ('accept', 'reject'))
  AND (:scope IS NULL OR coalesce(f.region_id, a.region_id) IN (SELECT value FROM json_each(:scope)))
GROUP BY 1, 2, 3, 4
"""

# The articles with figures in scope, newest first (ids and dates only).
_ARTICLES_IN_SCOPE = """
SELECT a.id, a.published FROM article a
WHERE a.id IN (
    SELECT f.article_id FROM figure f
    WHERE f.region_id IS NOT NULL AND (:scope IS NULL OR f.region_id IN (SELECT value FROM json_each(:scope)))
    UNION
    SELECT f.article_id FROM figure f JOIN article b ON b.id = f.article_id
    WHERE f.region_id IS NULL AND (:scope IS NULL OR b.region_id IN (SELECT value FROM json_each(:scope))))
ORDER BY a.published DESC, a.id DESC
"""

# What the sector and target tables list. An indicator (or, unlinked, a subject) shows the
# figures of the newest article that reports its latest period, per sector, kind and unit (a
# target also per horizon); a sector lists its :rows most recently reported, the targets :targets.
# The same value reported by other articles joins them (its row cites those articles too).
_LISTED = f"""
WITH {_SCOPED},
keyed AS (
    SELECT s.*, first_value(article_id) OVER latest AS newest, first_value(published) OVER latest AS head_published,
           first_value(seq) OVER latest AS head_seq
    FROM scoped s
    WINDOW latest AS (PARTITION BY part, rid, what, kind, unit, horizon ORDER BY period_end DESC, published DESC, article_id DESC, seq)
),
chosen AS (
    SELECT * FROM (
        SELECT k.*, dense_rank() OVER (PARTITION BY part ORDER BY head_published DESC, newest DESC, head_seq) AS place
        FROM keyed k WHERE article_id = newest)
    WHERE place <= CASE WHEN part IS NULL THEN :targets ELSE :rows END
),
same AS (
    SELECT k.id, row_number() OVER (PARTITION BY c.id ORDER BY k.published DESC, k.article_id DESC, k.seq) AS nth
    FROM chosen c
    JOIN keyed k ON k.part IS c.part AND k.rid IS c.rid AND k.what = c.what AND k.kind = c.kind AND k.unit = c.unit
                AND k.article_id <> c.article_id AND k.direction IS c.direction AND k.qualifier = c.qualifier
                AND round(k.value, 6) = round(c.value, 6) AND k.value_max IS c.value_max
                AND k.period_start IS c.period_start AND k.period_end IS c.period_end
)
SELECT id FROM chosen
UNION
SELECT id FROM same WHERE nth <= :same
"""

# Series worth a chart: every linked level indicator of the region (from the figure_region_scope
# index), with its units and regions (figure_points); per candidate, from the figure_points
# index alone: its periods, whether one is reported, the latest, and the cut-off of the latest
# :periods (older periods are neither drawn nor read). A derived point (the level a year
# earlier implied by a change) counts as a period and is marked as derived.
_SERIES_KEYS = """
WITH r AS (
    SELECT DISTINCT f.region_id AS rid, f.indicator_id AS ind FROM figure f
    WHERE f.kind = 'level' AND f.indicator_id IS NOT NULL
      AND (:scope IS NULL OR f.region_id IN (SELECT value FROM json_each(:scope)))
),
k AS (
    SELECT DISTINCT r.ind, f.unit, r.rid FROM r
    JOIN figure f ON f.indicator_id = r.ind AND f.region_id IS r.rid AND f.kind = 'level'
)
SELECT ind, unit, rid, periods, latest, cutoff FROM (
    SELECT k.ind, k.unit, k.rid,
           (SELECT count(*) FROM (SELECT DISTINCT f.period_end, f.period_start FROM figure f
                                  WHERE f.indicator_id = k.ind AND f.region_id IS k.rid AND f.kind = 'level'
                                    AND f.unit = k.unit)) AS periods,
           EXISTS (SELECT 1 FROM figure f
                   WHERE f.indicator_id = k.ind AND f.region_id IS k.rid AND f.kind = 'level' AND f.unit = k.unit
                     AND f.origin = 'reported') AS reported,
           (SELECT max(f.period_end) FROM figure f
            WHERE f.indicator_id = k.ind AND f.region_id IS k.rid AND f.kind = 'level' AND f.unit = k.unit) AS latest,
           (SELECT pe FROM (SELECT DISTINCT f.period_end AS pe FROM figure f
                            WHERE f.indicator_id = k.ind AND f.region_id IS k.rid AND f.kind = 'level'
                              AND f.unit = k.unit AND f.period_end IS NOT NULL
                            ORDER BY pe DESC LIMIT 1 OFFSET :periods - 1)) AS cutoff
    FROM k)
WHERE periods >= 2 AND reported
ORDER BY periods DESC, latest DESC, ind, unit, rid
"""

# The figures the tables may list. Per linked indicator of each region in scope, kind and unit
# (a target per horizon): the figures of its latest period, by the figure_points index, however
# old the article — its :per_point latest stored (index order, no sort: a period many articles
# repeat costs no more than one); a figure with no region of its own counts for its article's
# region. Then the
# figures of the region's newest :recent articles (their unlinked figures: free words, the newest
# stand for the rest, which is counted) and those a reviewer relinked or corrected (their
# indicator or period is the review's, which the index does not know).
_CANDIDATES = """
WITH RECURSIVE keys AS (
    SELECT DISTINCT f.region_id AS rid, f.kind, f.indicator_id AS ind FROM figure f
    WHERE f.region_id IN (SELECT value FROM json_each(:scope)) AND f.indicator_id IS NOT NULL
    UNION
    SELECT DISTINCT f.region_id, f.kind, f.indicator_id FROM figure f
    WHERE :scope IS NULL AND f.region_id IS NOT NULL AND f.indicator_id IS NOT NULL
),
units(ind, rid, kind, unit) AS (         -- each key's units, one index search each (a skip-scan)
    SELECT k.ind, k.rid, k.kind, (SELECT min(f.unit) FROM figure f
                                  WHERE f.indicator_id = k.ind AND f.region_id = k.rid AND f.kind = k.kind)
    FROM keys k
    UNION
    SELECT u.ind, u.rid, u.kind, (SELECT min(f.unit) FROM figure f
                                  WHERE f.indicator_id = u.ind AND f.region_id = u.rid AND f.kind = u.kind
                                    AND f.unit > u.unit)
    FROM units u WHERE u.unit IS NOT NULL
),
horizons(ind, rid, unit, pe) AS (       -- a target's horizons, the same way
    SELECT u.ind, u.rid, u.unit, (SELECT min(f.period_end) FROM figure f
                                  WHERE f.indicator_id = u.ind AND f.region_id = u.rid AND f.kind = 'target'
                                    AND f.unit = u.unit)
    FROM units u WHERE u.kind = 'target' AND u.unit IS NOT NULL
    UNION
    SELECT h.ind, h.rid, h.unit, (SELECT min(f.period_end) FROM figure f
                                  WHERE f.indicator_id = h.ind AND f.region_id = h.rid AND f.kind = 'target'
                                    AND f.unit = h.unit AND f.period_end > h.pe)
    FROM horizons h WHERE h.pe IS NOT NULL
),
latest AS (
    SELECT u.ind, u.rid, u.kind, u.unit, (SELECT max(f.period_end) FROM figure f
                                          WHERE f.indicator_id = u.ind AND f.region_id = u.rid AND f.kind = u.kind
                                            AND f.unit = u.unit) AS pe
    FROM units u WHERE u.kind <> 'target' AND u.unit IS NOT NULL
    UNION ALL
    SELECT ind, rid, 'target', unit, pe FROM horizons
    WHERE pe IS NOT NULL OR EXISTS (SELECT 1 FROM figure f WHERE f.indicator_id = ind AND f.region_id = rid
                                    AND f.kind = 'target' AND f.unit = horizons.unit AND f.period_end IS NULL)
),
regionless AS (
    SELECT f.id, f.period_end, max(f.period_end) OVER (
               PARTITION BY f.indicator_id, a.region_id, f.kind, f.unit,
                            CASE WHEN f.kind = 'target' THEN f.period_end END) AS pe
    FROM figure f JOIN article a ON a.id = f.article_id
    WHERE f.region_id IS NULL AND f.indicator_id IS NOT NULL
      AND (:scope IS NULL OR a.region_id IN (SELECT value FROM json_each(:scope)))
)
SELECT p.value AS id FROM latest l, json_each((
    SELECT json_group_array(id) FROM (
        SELECT f.id FROM figure f
        WHERE f.indicator_id = l.ind AND f.region_id = l.rid AND f.kind = l.kind AND f.unit = l.unit
          AND f.period_end IS l.pe
        ORDER BY f.id DESC LIMIT :per_point))) p
UNION
SELECT id FROM regionless WHERE period_end IS pe
UNION
SELECT f.id FROM figure f WHERE f.article_id IN (SELECT value FROM json_each(:recent))
UNION
SELECT f.id FROM review r JOIN figure f ON f.fkey = r.fkey WHERE r.action IN ('relink', 'correct')
"""

# The latest level of a target's indicator, unit and region up to its horizon: the period to read.
_TARGET_LEVELS = """
WITH k AS (
    SELECT json_extract(value, '$[0]') AS ind, json_extract(value, '$[1]') AS unit,
           json_extract(value, '$[2]') AS rid, coalesce(json_extract(value, '$[3]'), '9999') AS horizon
    FROM json_each(:targets)
)
SELECT k.ind, k.unit, k.rid, (
    SELECT max(f.period_end) FROM figure f
    WHERE f.indicator_id = k.ind AND f.region_id IS k.rid AND f.kind = 'level' AND f.unit = k.unit
      AND f.period_end <= k.horizon) AS period
FROM k
"""


def _counts(conn: sqlite3.Connection, region: Region) -> tuple[dict[str, int], int, dict[int | None, int]]:
    """Figures in scope per sector (the vocabulary's: indicator's, else extracted), targets, per region."""
    vocabulary = sectors()
    indicator_sector = {r["id"]: r["sector"] for r in named(conn, "SELECT id, sector FROM indicator")}
    held: dict[str, int] = {}
    targets = 0
    per_region: dict[int | None, int] = {}
    for sql, sign in ((_COUNTS, 1), (_REJECTED, -1)):
        for row in named(conn, sql, {"scope": region.ids}):
            n = row["n"] * sign
            if row["target"]:
                targets += n
            else:
                sector = vocabulary.canonical(indicator_sector.get(row["indicator_id"]) or row["sector"])
                held[sector] = held.get(sector, 0) + n
            per_region[row["rid"]] = per_region.get(row["rid"], 0) + n
    return held, targets, per_region


def _region_names(conn: sqlite3.Connection, per_region: dict[int | None, int]) -> tuple[str, ...]:
    """The regions in scope that have figures, most figures first."""
    names = {r["id"]: r["name"] for r in named(
        conn, "SELECT id, name FROM region WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps([r for r in per_region if r is not None]),))}
    return tuple(names[r] for r in sorted(per_region, key=lambda r: -per_region[r])
                 if r in names and per_region[r] > 0)


def _listed(conn: sqlite3.Connection, region: Region, recent: str, limits: Limits) -> set[int]:
    """The figures the sector and target tables list (see _CANDIDATES and _LISTED)."""
    candidates = [r["id"] for r in named(conn, _CANDIDATES, {"scope": region.ids, "recent": recent,
                                                              "per_point": 4 * (limits.same_reports + 1)})]
    return {r["id"] for r in named(conn, _LISTED, {
        "scope": region.ids, "sectors": sectors().as_json(), "candidates": json.dumps(candidates),
        "rows": limits.rows_per_sector, "targets": limits.targets, "same": limits.same_reports})}


def _series_stats(conn: sqlite3.Connection, region: Region, limits: Limits) -> list[sqlite3.Row]:
    """The region's series of two or more periods, most periods first (see _SERIES_KEYS)."""
    return named(conn, _SERIES_KEYS, {"scope": region.ids,
                                      "periods": max(limits.chart_periods, limits.series_periods)})


def _target_periods(conn: sqlite3.Connection, targets: list[FigureFact]) -> list[tuple[str, str, int | None, str, str]]:
    """Each target's latest level up to its horizon: one period of its series, as load_points asks."""
    aims = [[t.indicator_id, t.unit, t.region_id, t.period_end] for t in targets if t.indicator_id]
    if not aims:
        return []
    return [(r["ind"], r["unit"], r["rid"], r["period"], r["period"])
            for r in named(conn, _TARGET_LEVELS, {"targets": json.dumps(aims)}) if r["period"]]


def _cited(points: list[SeriesPoint], shown_keys: list[tuple[str, str, int | None]], targets: list[FigureFact],
           limits: Limits) -> set[int]:
    """The figures the series tables and the targets' latest levels cite: numbered and quoted too."""
    cited: set[int] = set()
    keys = set(shown_keys)
    for groups in level_series([p for p in points if p.series_key in keys]).values():
        for g in shown_groups(groups, limits).table:
            cited.update(p.figure_id for p in (g.preferred, *g.same, *g.other))
    for t in targets:
        level = latest_level(points, t) if t.indicator_id else None
        if level is not None:
            cited.add(level.figure_id)
    return cited


def load_zone(conn: sqlite3.Connection, region_name: str | None = None,
              limits: Limits | None = None) -> ZoneFacts:
    """What the brief on one region shows, and how much the database holds beyond it.

    Bounded whatever the size of the database: the sector tables take the latest period of
    each indicator, the series the ones with most periods, and only the figures shown are
    read with their sentences.
    """
    limits = limits or Limits()
    region = choose_region(conn, region_name)
    held, targets_held, per_region = _counts(conn, region)
    in_scope = named(conn, _ARTICLES_IN_SCOPE, {"scope": region.ids})
    if not sum(per_region.values()) or not in_scope:
        where = f" for region {region.name}" if region.name else ""
        if region.several:
            where += " or the regions inside it"
        raise BriefError(f"the database has no figures{where}; run `zone ingest` first")
    recent = json.dumps([r["id"] for r in in_scope[:limits.recent_articles]])
    listed = _listed(conn, region, recent, limits)
    stats = _series_stats(conn, region, limits)
    shown_keys = [(r["ind"], r["unit"], r["rid"]) for r in stats[:limits.series]]
    targets = [f for f in load_figures(conn, listed) if f.kind == "target"]
    wanted = [(r["ind"], r["unit"], r["rid"], r["cutoff"] or "", "9999") for r in stats[:limits.series]]
    points = load_points(conn, list(dict.fromkeys(wanted + _target_periods(conn, targets))))
    figures = load_figures(conn, with_sources(conn, listed | _cited(points, shown_keys, targets, limits)))
    articles = load_articles(conn, {f.article_id for f in figures})
    if not region.name:
        region = Region(id=None, name=zone_name_from_titles([a.title for a in articles]) or
                        next((a.paper for a in articles if a.paper), "") or "")
    return ZoneFacts(region=region, articles=articles, figures=figures, points=points, listed=frozenset(listed),
                     held=held, targets_held=targets_held, series_keys=tuple(shown_keys), series_held=len(stats),
                     n_figures=sum(per_region.values()), n_articles=len(in_scope), latest=in_scope[0]["published"],
                     limits=limits, regions_with_figures=_region_names(conn, per_region),
                     series_periods={(r["ind"], r["unit"], r["rid"]): r["periods"] for r in stats})
