"""An indicator's series: its points by period, each with its source, from the series view.

SERIES_SQL is the one query of a series' points: `zone series` runs it, and browse/serve.py
gives it to Datasette as the canned query "series", so the two list the same rows in the
same order. What a point is (preferred, conflict, window, unit of its family) is the series
view's (schema.sql); a region is found by any of its names through the region_name view
(track.regions).
"""
from __future__ import annotations

import sqlite3
from typing import Any

from ingest.store import rows
from track.regions import find_region, register

SERIES_SQL = """
SELECT period_start,
       period_end,
       period_label,
       window,
       value,
       value_max,
       unit,
       written_unit,
       qualifier,
       kind,
       direction,
       region,
       text,
       origin,
       preferred,
       conflict,
       corrected,
       extracted_value,
       relinked,
       paper,
       published,
       edition,
       title,
       article_source_id AS source_id,
       sentence,
       indicator_id AS indicator,
       indicator_name,
       figure_id
FROM series
WHERE indicator_id = :indicator
  AND (:region = '' OR region_id IN (SELECT region_id FROM region_name WHERE name = zone_region_key(:region)))
ORDER BY coalesce(period_end, period_start), period_start,
         CASE kind WHEN 'level' THEN 0 WHEN 'share' THEN 1 WHEN 'target' THEN 2 ELSE 3 END,
         preferred DESC, published, figure_id
"""


class SeriesError(ValueError):
    """An indicator or region the database does not know."""


def resolve_indicator(conn: sqlite3.Connection, name: str) -> str:
    """An indicator id from its id, Chinese name or English name."""
    row = conn.execute("SELECT id FROM indicator WHERE id = ? OR name = ? OR lower(name_en) = lower(?)",
                       (name, name, name)).fetchone()
    if row:
        return str(row[0])
    close = [r[0] for r in conn.execute(
        "SELECT id FROM indicator WHERE id LIKE ? OR name LIKE ? ORDER BY id LIMIT 8", (f"%{name}%", f"%{name}%"))]
    hint = f"; did you mean {', '.join(close)}?" if close else "; `zone review` lists indicators with --indicators"
    raise SeriesError(f"no indicator {name!r}{hint}")


def resolve_region(conn: sqlite3.Connection, name: str | None) -> str:
    """A region's canonical name from any name it goes by ('' for all regions)."""
    if not name:
        return ""
    region = find_region(conn, name)
    if region is None:
        raise SeriesError(f"no region {name!r}")
    return region.name


def series(conn: sqlite3.Connection, indicator: str, region: str | None = None,
           all_points: bool = False) -> list[dict[str, Any]]:
    """The points of one indicator in period order. Unless all_points, one point per
    region, kind and period: the preferred one (conflicting points are flagged on it)."""
    register(conn)
    ind = resolve_indicator(conn, indicator)
    points = rows(conn, SERIES_SQL, {"indicator": ind, "region": resolve_region(conn, region)})
    return points if all_points else [r for r in points if r["preferred"]]
