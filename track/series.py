"""An indicator's series: its points by period, each with its source, from the series view."""
from __future__ import annotations

import sqlite3
from typing import Any

from ingest.catalog import Catalog, catalog
from ingest.store import rows

# The query behind `zone series` and the Datasette canned query "series" (browse/):
# every point of one indicator, optionally for one region, in period order.
SERIES_SQL = """
SELECT indicator_id, indicator_name, region, period_start, period_end, kind, direction, value, value_max, unit,
       qualifier, text, origin, preferred, conflict, paper, published, edition, title, figure_id, sentence
FROM series
WHERE indicator_id = :indicator AND (:region = '' OR region = :region)
ORDER BY coalesce(period_end, period_start), period_start,
         CASE kind WHEN 'level' THEN 0 WHEN 'share' THEN 1 WHEN 'target' THEN 2 ELSE 3 END, preferred DESC, published
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


def resolve_region(conn: sqlite3.Connection, name: str | None, cat: Catalog | None = None) -> str:
    """A region's canonical name from its name, English name or alias ('' for all regions)."""
    if not name:
        return ""
    canonical = (cat or catalog()).region_name(name) or name
    row = conn.execute(
        "SELECT name FROM region WHERE name = ? OR name = ? OR lower(name_en) = lower(?) "
        "OR EXISTS (SELECT 1 FROM json_each(region.aliases) WHERE value = ?)",
        (canonical, name, name, name)).fetchone()
    if not row:
        raise SeriesError(f"no region {name!r}")
    return str(row[0])


def series(conn: sqlite3.Connection, indicator: str, region: str | None = None,
           all_points: bool = False) -> list[dict[str, Any]]:
    """The points of one indicator in period order. Unless all_points, one point per
    region, kind and period: the preferred one (conflicting points are flagged on it)."""
    ind = resolve_indicator(conn, indicator)
    points = rows(conn, SERIES_SQL, {"indicator": ind, "region": resolve_region(conn, region)})
    return points if all_points else [r for r in points if r["preferred"]]
