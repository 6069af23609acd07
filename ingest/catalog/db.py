"""Writing the catalog into the database's indicator and region tables."""
from __future__ import annotations

import json
import sqlite3

from ingest.catalog.load import catalog
from ingest.catalog.model import Catalog


def apply_catalog(conn: sqlite3.Connection, cat: Catalog | None = None) -> bool:
    """Write the catalog's regions and indicators into the database, idempotently.

    Rows are upserted by name/id, never deleted: figures and reviews may point at an
    indicator a later catalog drops (catalog.retired says what replaced it). Returns False
    when the database already holds this catalog version, so callers may run it before
    every article at no cost.
    """
    cat = cat or catalog()
    row = conn.execute("SELECT version FROM catalog_state WHERE id = 1").fetchone()
    if row and row[0] == cat.version:
        return False
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany(
            "INSERT INTO region (name, name_en, level, aliases) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET name_en = excluded.name_en, level = excluded.level, "
            "aliases = excluded.aliases",
            [(r.name, r.name_en, r.level, json.dumps(list(r.aliases), ensure_ascii=False)) for r in cat.regions.values()])
        conn.executemany("UPDATE region SET parent_id = (SELECT id FROM region WHERE name = ?) WHERE name = ?",
                         [(r.parent, r.name) for r in cat.regions.values()])
        conn.executemany(
            "INSERT INTO indicator (id, name, name_en, unit, sector, definition, definition_en) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, unit = excluded.unit, "
            "sector = excluded.sector, definition = excluded.definition, definition_en = excluded.definition_en",
            [(i.id, i.name, i.name_en, i.unit, i.sector, f"{i.definition} Source: {i.source}".strip(), i.definition_en)
             for i in cat.indicators.values()])
        conn.execute("INSERT INTO catalog_state (id, version) VALUES (1, ?) "
                     "ON CONFLICT (id) DO UPDATE SET version = excluded.version", (cat.version,))
    except BaseException:
        if own:
            conn.execute("ROLLBACK")
        raise
    if own:
        conn.execute("COMMIT")
    return True
