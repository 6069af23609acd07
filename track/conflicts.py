"""Conflicting points and reported figures contradicted by derived ones (views in schema.sql)."""
from __future__ import annotations

import sqlite3
from typing import Any

from ingest.store import rows as _rows


def conflicts(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Points of the same indicator, region, kind and period whose values differ between
    articles; 'preferred' marks the one the series shows (reviewer's prefer, else latest article)."""
    return _rows(conn, "SELECT * FROM conflict ORDER BY indicator_id, region, period_end, preferred DESC, published DESC")


def disagreements(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Reported figures more than 5% away from a derived figure for the same point."""
    return _rows(conn, "SELECT * FROM derived_disagreement ORDER BY indicator_id, period_end")
