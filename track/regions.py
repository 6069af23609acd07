"""Finding a region by any name it goes by: the one lookup behind `zone series --region`,
`zone brief --region` and Datasette's canned queries.

The names are the region_name view of schema.sql (canonical name, the catalog's aliases and
short forms, the English name); a name given by a person is put in the view's form by
region_key, which Datasette's connections know as the SQL function zone_region_key
(browse/plugin.py), so a canned query finds the same region as the CLI and the brief.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ingest.read.text import to_simplified

# The region a name stands for; an alias the catalog gives to one region only, so at most one
# row unless two regions share an English name (then the first one ingested).
_FIND = """
SELECT region.id, region.name, region.name_en, region.level
FROM region_name JOIN region ON region.id = region_name.region_id
WHERE region_name.name = ?
ORDER BY region_name.form = 'english', region.id
LIMIT 1
"""


@dataclass(frozen=True)
class RegionRef:
    id: int
    name: str                   # canonical Chinese name
    name_en: str | None
    level: str


def region_key(name: str) -> str:
    """A name in the form region_name holds it: trimmed, traditional characters simplified
    (滄州開發區 -> 沧州开发区), Latin letters lower-cased."""
    return to_simplified(name.strip()).lower()


def find_region(conn: sqlite3.Connection, name: str | None) -> RegionRef | None:
    """The region named by its name, an alias, a short form or its English name; None when
    no region goes by that name (or none is given)."""
    if not name or not name.strip():
        return None
    row = conn.execute(_FIND, (region_key(name),)).fetchone()
    return RegionRef(int(row[0]), str(row[1]), row[2], str(row[3])) if row else None


def register(conn: sqlite3.Connection) -> None:
    """Give the connection zone_region_key(name), for SQL that looks regions up by name."""
    conn.create_function("zone_region_key", 1, lambda name: region_key(name) if isinstance(name, str) else None,
                         deterministic=True)
