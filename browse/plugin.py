"""zone's Datasette plugin: Chinese search, readable numbers, and a page per figure,
indicator, article and zone. Registered by browse/serve.py (make_datasette); it reads the
database only through Datasette's read-only connections.
"""
from __future__ import annotations

import sqlite3
from typing import Any

from datasette import hookimpl

from browse.search import fts_query


@hookimpl(trylast=True)
def prepare_connection(conn: sqlite3.Connection) -> None:
    # trylast: after Datasette's own prepare_connection, so this escape_fts replaces its
    # (which only quotes words) and ?_search= / the search box read Chinese.
    conn.create_function("escape_fts", 1, fts_query, deterministic=True)
    conn.create_function("zone_fts", 1, fts_query, deterministic=True)
