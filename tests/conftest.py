"""Shared fixtures: a fresh database built from schema.sql, its path, and the repo's paths."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterator

import pytest

from ingest.store import open_db

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO / "articles"
SEED = ARTICLES / "2022-08-10_czrb_content_66129.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "zone.db"


@pytest.fixture
def conn(db_path: Path) -> Iterator[sqlite3.Connection]:
    connection = open_db(db_path)
    yield connection
    connection.close()


def db_snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, for comparing a database before and after."""
    if not path.exists():
        return {}
    with sqlite3.connect(path) as c:
        tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: sorted(c.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
