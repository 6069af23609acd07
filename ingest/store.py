"""Write articles and their figures to the SQLite database defined by schema.sql.

One transaction per article: an article goes in whole or not at all. Writes use plain
SQL on the connection because sqlite-utils' insert helpers commit on their own, which
would split an article's transaction; sqlite-utils wraps the same connection for reads.
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable

import sqlite_utils

from common.text_index import search_text
from ingest.limits import printable
from ingest.model import Article, Figure

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema.sql"

FIGURE_COLUMNS = (
    "article_id", "seq", "fkey", "origin", "start", "end", "text", "value", "value_max", "unit",
    "qualifier", "kind", "direction", "period_start", "period_end", "period_label", "subject",
    "sector", "section", "paragraph", "sentence", "sentence_start", "sentence_end",
    "indicator_id", "region_id", "link_rival", "link_margin",
)
_INSERT_FIGURE = "INSERT INTO figure ({}) VALUES ({})".format(
    ", ".join(f'"{c}"' for c in FIGURE_COLUMNS), ", ".join("?" for _ in FIGURE_COLUMNS))

ARTICLE_COLUMNS = (
    "source_id", "paper", "published", "edition", "page", "title", "url", "region_id", "path",
    "format", "encoding", "sha256", "extractor_version", "text", "ingested_at",
)


@dataclass(frozen=True)
class SaveResult:
    path: str
    status: str          # new | replaced | unchanged
    found: int           # figures in the article now
    new: int             # figures whose key the database had not seen
    replaced: int        # figures re-extracted over an earlier version of the same key
    dropped: int         # figures of the earlier version that are gone

    def summary(self) -> str:
        path = printable(self.path)
        if self.status == "unchanged":
            return f"{path}: unchanged, {self.found} figures"
        return (f"{path}: {self.status}, {self.found} figures found, {self.new} new, "
                f"{self.replaced} replaced" + (f", {self.dropped} dropped" if self.dropped else ""))


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection in autocommit mode: transactions are opened explicitly with BEGIN."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


class SchemaError(sqlite3.OperationalError):
    """A database that schema.sql cannot be applied to (made by an older zone)."""


def schema_version(schema: str) -> int:
    """A number that changes with schema.sql, kept in the database's user_version."""
    return int(hashlib.sha256(schema.encode("utf-8")).hexdigest()[:7], 16)


def open_db(path: Path | str) -> sqlite3.Connection:
    """Open (creating if needed) a database and apply schema.sql when it changed.

    A database already built from this schema.sql is not written to, so reading commands
    work on a read-only file and never wait for a writer's lock.
    """
    conn = connect(path)
    schema = SCHEMA_PATH.read_text(encoding="utf-8")
    version = schema_version(schema)
    if conn.execute("PRAGMA user_version").fetchone()[0] != version:
        try:
            conn.executescript(schema)
        except sqlite3.OperationalError as e:
            # A table built by an older schema.sql lacks a column the schema indexes
            # (e.g. figure.link_margin): tables are never altered in place, so say how to rebuild.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            conn.close()
            raise SchemaError(
                f"{path}: built by an older zone ({e}); rebuild it: remove the file and run `zone ingest`") from None
        conn.execute(f"PRAGMA user_version = {version}")
        backfill_search(conn)
    return conn


# --- full-text search --------------------------------------------------------------------
# A figure is found by the words of its own clause of the sentence, not by the whole sentence:
# 产值 should find 32.21亿元 in "…贡献产值32.21亿元,占…", not 50余家 three clauses before it.
CLAUSE_BREAK = re.compile(r"[,，;；:：。!！?？\n]")



def figure_clause(sentence: str, start: int, end: int) -> str:
    """The clause of ``sentence`` around the figure at [start, end) (offsets into the sentence)."""
    start = max(0, min(start, len(sentence)))
    end = max(start, min(end, len(sentence)))
    before = [m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, start)]
    after = CLAUSE_BREAK.search(sentence, end)
    return sentence[before[-1] if before else 0:after.start() if after else len(sentence)]


def index_article(conn: sqlite3.Connection, article_id: int) -> None:
    """(Re)write the search rows of one article and of its reported figures.

    Called inside the article's transaction. Deleting a figure or an article deletes its
    search row by trigger (schema.sql), so rows never outlive what they index; derived
    figures are recomputed outside ingest (zone review) and are not indexed.
    """
    title, text = conn.execute("SELECT title, text FROM article WHERE id = ?", (article_id,)).fetchone()
    conn.execute("DELETE FROM article_fts WHERE rowid = ?", (article_id,))
    conn.execute("INSERT INTO article_fts (rowid, title, text) VALUES (?, ?, ?)",
                 (article_id, search_text(title), search_text(text)))
    figures = conn.execute(
        "SELECT id, subject, sentence, start - sentence_start, \"end\" - sentence_start FROM figure "
        "WHERE article_id = ? AND origin = 'reported'", (article_id,)).fetchall()
    conn.executemany("DELETE FROM figure_fts WHERE rowid = ?", [(f[0],) for f in figures])
    conn.executemany("INSERT INTO figure_fts (rowid, subject, clause) VALUES (?, ?, ?)",
                     [(fid, search_text(subject), search_text(figure_clause(sentence, s, e)))
                      for fid, subject, sentence, s, e in figures])


def backfill_search(conn: sqlite3.Connection) -> int:
    """Index the articles that have no search row, or a reported figure without one: all of
    them in a database built before the index existed (run whenever schema.sql is applied).
    Returns how many articles were indexed."""
    ids = [i for (i,) in conn.execute(
        "SELECT id FROM article WHERE id NOT IN (SELECT rowid FROM article_fts) "
        "UNION SELECT article_id FROM figure WHERE origin = 'reported' AND id NOT IN (SELECT rowid FROM figure_fts) "
        "ORDER BY 1")]
    if not ids:
        return 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        for article_id in ids:
            index_article(conn, article_id)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return len(ids)


def rows(conn: sqlite3.Connection, sql: str, params: tuple[object, ...] | dict[str, object] = ()) -> list[dict[str, Any]]:
    """The rows of a query as dicts (sqlite-utils' query, on the same connection)."""
    return list(sqlite_utils.Database(conn).query(sql, params))


def reattach_reviews(conn: sqlite3.Connection, old: dict[str, tuple[str, float]],
                     new: dict[str, tuple[str, float]]) -> int:
    """Move the reviews of figures that disappeared in a re-ingest to their successors.

    A review is keyed on its figure's sentence, so one word changed in that sentence would
    leave it pointing at nothing. When exactly one new figure of the same article has the
    same text and value as the vanished one (and carries no review of its own), the review
    moves to it, with a note saying so; otherwise it stays where it was and `zone review
    --orphaned` lists it. Returns how many reviews moved."""
    moved = 0
    gone = {k: tv for k, tv in old.items() if k not in new}
    fresh = {k: tv for k, tv in new.items() if k not in old}
    for key, (text, value) in gone.items():
        if conn.execute("SELECT 1 FROM review WHERE fkey = ? LIMIT 1", (key,)).fetchone() is None:
            continue
        twins = [k for k, (t, v) in fresh.items() if t == text and v == value]
        if len(twins) != 1 or conn.execute("SELECT 1 FROM review WHERE fkey = ?", (twins[0],)).fetchone():
            continue
        stamp = datetime.now(timezone.utc).date().isoformat()
        moved += conn.execute(
            "UPDATE review SET fkey = ?, note = coalesce(note || ' ', '') || ? WHERE fkey = ?",
            (twins[0], f"[re-attached {stamp}: its sentence changed; was {key}]", key)).rowcount
        del fresh[twins[0]]
    return moved


def orphaned_reviews(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Reviews whose figure no longer exists (review_orphaned view)."""
    return rows(conn, "SELECT * FROM review_orphaned ORDER BY review_id")


def _row_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just made (always set after a successful INSERT)."""
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def figure_key(source_id: str, figure: Figure, seen: Counter[str]) -> str:
    """A key that stays the same when the article is re-extracted: the sentence's text,
    the figure's text and its occurrence within the sentence, not character offsets."""
    digest = hashlib.sha1(figure.sentence.encode("utf-8")).hexdigest()[:12]
    base = f"{source_id}#{digest}:{figure.text}"
    seen[base] += 1
    return base if seen[base] == 1 else f"{base}:{seen[base]}"


REGION_LEVELS = (("省", "province"), ("自治区", "province"), ("市", "city"), ("县", "county"),
                 ("开发区", "zone"), ("园区", "zone"), ("新区", "zone"), ("高新区", "zone"), ("区", "county"))


def region_id(conn: sqlite3.Connection, name: str | None) -> int | None:
    """The id of a region by name or alias, adding it (level guessed from its suffix) when new."""
    if not name:
        return None
    # The name by its index first: the alias scan reads every region's JSON.
    row = (conn.execute("SELECT id FROM region WHERE name = ?", (name,)).fetchone()
           or conn.execute("SELECT id FROM region WHERE EXISTS (SELECT 1 FROM json_each(region.aliases) WHERE value = ?)",
                           (name,)).fetchone())
    if row:
        return int(row[0])
    level = next((lvl for suffix, lvl in sorted(REGION_LEVELS, key=lambda s: -len(s[0])) if name.endswith(suffix)), "zone")
    return _row_id(conn.execute("INSERT INTO region (name, level) VALUES (?, ?)", (name, level)))


def unchanged_count(conn: sqlite3.Connection, article: Article, extractor_version: str) -> int | None:
    """The number of stored figures when the article is stored from the same bytes with
    the same rules, else None."""
    row = conn.execute("SELECT id FROM article WHERE source_id = ? AND sha256 = ? AND extractor_version = ?",
                       (article.source_id, article.sha256, extractor_version)).fetchone()
    if row is None:
        return None
    return int(conn.execute("SELECT count(*) FROM figure WHERE article_id = ? AND origin = 'reported'",
                            (row[0],)).fetchone()[0])


def save_article(conn: sqlite3.Connection, article: Article, figures: Iterable[Figure],
                 extractor_version: str, force: bool = False,
                 after_save: Callable[[sqlite3.Connection, int], object] | None = None) -> SaveResult:
    """Insert or replace one article and its figures in a single transaction.

    The same file again (same bytes, same extractor version) changes nothing; a changed
    file or improved rules replace the article's figures, keeping its id and reviews.
    ``after_save(conn, article_id)`` runs inside the same transaction (ingest.derive uses it
    to recompute derived figures), so the article and what follows from it commit together.
    """
    figures = list(figures)
    own = not conn.in_transaction   # else a savepoint: a caller commits several articles at once
    conn.execute("BEGIN IMMEDIATE" if own else "SAVEPOINT article")
    try:
        result = _save(conn, article, figures, extractor_version, force)
        if after_save is not None:
            (article_id,) = conn.execute("SELECT id FROM article WHERE source_id = ?", (article.source_id,)).fetchone()
            after_save(conn, int(article_id))
        if result.status != "unchanged":
            (article_id,) = conn.execute("SELECT id FROM article WHERE source_id = ?", (article.source_id,)).fetchone()
            index_article(conn, int(article_id))
    except BaseException:
        conn.execute("ROLLBACK" if own else "ROLLBACK TO article")
        if not own:
            conn.execute("RELEASE article")
        raise
    conn.execute("COMMIT" if own else "RELEASE article")
    return result


def _save(conn: sqlite3.Connection, article: Article, figures: list[Figure],
          extractor_version: str, force: bool) -> SaveResult:
    if not force:
        found = unchanged_count(conn, article, extractor_version)
        if found is not None:
            return SaveResult(article.path, "unchanged", found, 0, 0, 0)
    row = conn.execute("SELECT id FROM article WHERE source_id = ?", (article.source_id,)).fetchone()

    values = {
        "source_id": article.source_id, "paper": article.paper, "published": article.published.isoformat(),
        "edition": article.edition, "page": article.page, "title": article.title, "url": article.url,
        "region_id": region_id(conn, article.region), "path": article.path, "format": article.format,
        "encoding": article.encoding, "sha256": article.sha256, "extractor_version": extractor_version,
        "text": article.source, "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    old_keys: set[str] = set()
    old_figures: dict[str, tuple[str, float]] = {}
    if row:
        article_id = int(row[0])
        old_figures = {k: (t, v) for k, t, v in conn.execute(
            "SELECT fkey, text, value FROM figure WHERE article_id = ? AND origin = 'reported'", (article_id,))}
        old_keys = set(old_figures) | {k for (k,) in conn.execute("SELECT fkey FROM figure WHERE article_id = ?",
                                                                 (article_id,))}
        conn.execute("DELETE FROM figure WHERE article_id = ?", (article_id,))
        conn.execute("UPDATE article SET {} WHERE id = ?".format(", ".join(f"{c} = ?" for c in ARTICLE_COLUMNS)),
                     [values[c] for c in ARTICLE_COLUMNS] + [article_id])
    else:
        article_id = _row_id(conn.execute(
            "INSERT INTO article ({}) VALUES ({})".format(", ".join(ARTICLE_COLUMNS), ", ".join("?" for _ in ARTICLE_COLUMNS)),
            [values[c] for c in ARTICLE_COLUMNS]))

    seen: Counter[str] = Counter()
    regions = {name: region_id(conn, name) for name in {f.region for f in figures}}  # few per article
    rows = []
    new_keys: set[str] = set()
    for seq, f in enumerate(figures, 1):
        key = figure_key(article.source_id, f, seen)
        new_keys.add(key)
        rows.append((article_id, seq, key, "reported", f.start, f.end, f.text, f.value, f.value_max, f.unit,
                     f.qualifier, f.kind, f.direction, f.period_start, f.period_end, f.period_label, f.subject,
                     f.sector, f.section, f.paragraph, f.sentence, f.sentence_start, f.sentence_end,
                     f.indicator, regions[f.region], f.link_rival if f.indicator else None,
                     f.link_margin if f.indicator else None))
    conn.executemany(_INSERT_FIGURE, rows)
    if old_figures:
        reattach_reviews(conn, old_figures, {r[2]: (r[6], r[7]) for r in rows})
    return SaveResult(article.path, "replaced" if row else "new", len(rows),
                      len(new_keys - old_keys), len(new_keys & old_keys), len(old_keys - new_keys))
