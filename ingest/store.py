"""Write articles and their figures to the SQLite database defined by schema.sql.

One transaction per article: an article goes in whole or not at all. An article's rows are
written by statements that name their columns (see FIGURE_COLUMNS for why not sqlite-utils'
insert_all); a region ingest adds is written with sqlite-utils on the same connection, inside
that transaction: since 4.0 its writes nest as savepoints in an open transaction instead of
committing it. Nothing passes alter=True or replace=True: schema.sql alone defines the tables,
and a row that does not fit them is an error, not a new column. The transaction itself is
opened by hand with BEGIN IMMEDIATE (save_article): sqlite-utils' atomic() opens a deferred
BEGIN, under which two ingests that both read first deadlock when both want to write, and one
fails at once instead of waiting for the other.
"""
from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable

import sqlite_utils

from ingest.limits import printable
from ingest.model import Article, Figure, Sentence
from ingest.search_index import SearchRows, SearchTexts, backfill_search, search_rows, search_texts, write_search_rows

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema.sql"


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


class Connection(sqlite3.Connection):
    """sqlite3's connection, carrying the sqlite-utils Database that writes through it (see utils)."""

    utils: sqlite_utils.Database | None = None


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection in autocommit mode: transactions are opened explicitly with BEGIN."""
    conn = sqlite3.connect(str(path), isolation_level=None, factory=Connection)
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
    try:
        apply_schema(conn)
    except SchemaError as e:
        conn.close()
        raise SchemaError(f"{path}: {e}") from None
    return conn


def apply_schema(conn: sqlite3.Connection) -> None:
    """Apply schema.sql unless the database is marked as built from it (its user_version):
    creates what is missing, the indexes a bulk load set aside among them (defer_indexes)."""
    schema = SCHEMA_PATH.read_text(encoding="utf-8")
    version = schema_version(schema)
    if conn.execute("PRAGMA user_version").fetchone()[0] == version:
        return
    try:
        conn.executescript(schema)
    except sqlite3.OperationalError as e:
        # A table built by an older schema.sql lacks a column the schema indexes
        # (e.g. figure.link_margin): tables are never altered in place, so say how to rebuild.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise SchemaError(f"built by an older zone ({e}); rebuild it: remove the file and run `zone ingest`") from None
    conn.execute(f"PRAGMA user_version = {version}")
    backfill_search(conn)


# The figure indexes that saving an article itself reads: its earlier figures by article, and
# the foreign-key check of figure.sentence_id when a re-ingest deletes its sentences.
SAVING_INDEXES = frozenset({"figure_article", "figure_sentence"})


def defer_indexes(conn: sqlite3.Connection) -> list[str]:
    """Drop the figure table's other indexes for a bulk load, inside the caller's transaction.

    Kept up row by row they are most of the writer's cost once the table outgrows the page
    cache (bench/ingest_results.md); built once at the end they cost a sort each. The
    database is marked as not built from schema.sql (user_version 0) in the same transaction,
    so whatever ends the load, even a kill, the next open_db (or apply_schema) builds them
    again. Returns the names dropped."""
    names = [n for (n,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'figure' AND sql IS NOT NULL ORDER BY name")
        if n not in SAVING_INDEXES]
    for name in names:
        conn.execute(f'DROP INDEX "{name}"')
    conn.execute("PRAGMA user_version = 0")
    return names


def utils(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """The sqlite-utils Database over ``conn``, made once per connection: sqlite-utils sets a
    pragma and, on the first upsert, probes ON CONFLICT support with a scratch table, which
    must not happen once per article."""
    if not isinstance(conn, Connection):
        return sqlite_utils.Database(conn)
    if conn.utils is None:
        conn.utils = sqlite_utils.Database(conn)
    return conn.utils


def rows(conn: sqlite3.Connection, sql: str, params: tuple[object, ...] | dict[str, object] = ()) -> list[dict[str, Any]]:
    """The rows of a query as dicts (sqlite-utils' query, on the same connection)."""
    return list(utils(conn).query(sql, params))


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
    # The name by its index first; else every name the region goes by, from the region_name view
    # (schema.sql), the one list of names that `zone series`, the brief and Datasette read too.
    row = (conn.execute("SELECT id FROM region WHERE name = ?", (name,)).fetchone()
           or conn.execute("SELECT region_id FROM region_name WHERE name = lower(?) ORDER BY form = 'english' LIMIT 1",
                           (name,)).fetchone())
    if row:
        return int(row[0])
    level = next((lvl for suffix, lvl in sorted(REGION_LEVELS, key=lambda s: -len(s[0])) if name.endswith(suffix)), "zone")
    table = utils(conn).table("region").insert({"name": name, "level": level})
    assert table.last_rowid is not None  # set by every insert that succeeds
    return table.last_rowid


def unchanged_count(conn: sqlite3.Connection, article: Article, extractor_version: str) -> int | None:
    """The number of stored figures when the article is stored from the same bytes with
    the same rules, else None."""
    return _stored(conn, article, extractor_version)[1]


def _stored(conn: sqlite3.Connection, article: Article, extractor_version: str) -> tuple[int | None, int | None]:
    """The stored article's id (None: not stored) and, when it is stored from the same bytes
    with the same rules, its number of reported figures (else None)."""
    row = conn.execute("SELECT id, sha256 = ? AND extractor_version = ? FROM article WHERE source_id = ?",
                       (article.sha256, extractor_version, article.source_id)).fetchone()
    if row is None or not row[1]:
        return (row[0] if row else None), None
    return row[0], int(conn.execute("SELECT count(*) FROM figure WHERE article_id = ? AND origin = 'reported'",
                                    (row[0],)).fetchone()[0])


def save_article(conn: sqlite3.Connection, article: Article, figures: Iterable[Figure],
                 extractor_version: str, force: bool = False,
                 after_save: Callable[[sqlite3.Connection, int], object] | None = None,
                 search: dict[int, SearchRows] | None = None, texts: SearchTexts | None = None) -> SaveResult:
    """Insert or replace one article and its figures in a single transaction.

    The same file again (same bytes, same extractor version) changes nothing; a changed
    file or improved rules replace the article's figures, keeping its id and reviews.
    ``after_save(conn, article_id)`` runs inside the same transaction (ingest.derive uses it
    to recompute derived figures), so the article and what follows from it commit together.
    Its search rows are written too, or, given ``search`` (a caller holding a transaction open
    over many articles), put there under the article's id once it is saved: the caller writes
    them (search_index.write_search_rows) before it commits. ``texts``: the article's search
    texts made beforehand (article_search_texts), else they are made here.
    """
    figures = list(figures)
    own = not conn.in_transaction   # else a savepoint: a caller commits several articles at once
    conn.execute("BEGIN IMMEDIATE" if own else "SAVEPOINT article")
    rows: SearchRows | None = None
    try:
        stored_id, found = _stored(conn, article, extractor_version)
        if found is not None and stored_id is not None and not force:
            result = SaveResult(article.path, "unchanged", found, 0, 0, 0)
            if after_save is not None:
                after_save(conn, stored_id)
        else:
            result, article_id = _save(conn, article, figures, extractor_version, stored_id, after_save)
            ids = [i for (i,) in conn.execute(
                "SELECT id FROM figure WHERE article_id = ? AND origin = 'reported' ORDER BY seq", (article_id,))]
            rows = search_rows(article_id, texts or article_search_texts(article, figures), ids)
            if search is None:
                write_search_rows(conn, [rows])
    except BaseException:
        conn.execute("ROLLBACK" if own else "ROLLBACK TO article")
        if not own:
            conn.execute("RELEASE article")
        raise
    conn.execute("COMMIT" if own else "RELEASE article")
    if search is not None and rows is not None:
        search[rows.article[0]] = rows
    return result


# The hot path of ingest writes an article's rows itself, one executemany per table through
# statements built once, not with sqlite-utils' insert_all/upsert: those rebuild a multi-row
# INSERT of up to 500 rows per chunk (SQLite then compiles 13,000 placeholders), pass every
# value through jsonify_if_needed and read the table's columns and the schema's table and
# view names on each call. Measured on the figures of 300 synthetic articles (70 each):
# insert_all 5.5 ms CPU per article, executemany 2.6 ms (bench/bench_writer.py measures the
# whole writer). The statements name their columns, so a row that does not fit schema.sql is
# still an error, never a new column.
FIGURE_COLUMNS = ("article_id", "seq", "fkey", "origin", "start", "end", "text", "value", "value_max", "unit",
                  "qualifier", "kind", "direction", "period_start", "period_end", "period_label", "subject",
                  "sector", "section", "paragraph", "sentence_id", "indicator_id", "region_id", "link_rival",
                  "link_margin", "link_evidence")
ARTICLE_COLUMNS = ("source_id", "paper", "published", "edition", "page", "title", "url", "region_id", "path",
                   "format", "encoding", "sha256", "extractor_version", "text", "ingested_at")


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in columns)})"


INSERT_FIGURE = _insert_sql("figure", FIGURE_COLUMNS)
INSERT_SENTENCE = _insert_sql("sentence", ("article_id", "start", "end", "text"))
# Keyed on source_id, so a re-ingested article keeps its id (and what points to it).
UPSERT_ARTICLE = (_insert_sql("article", ARTICLE_COLUMNS) + " ON CONFLICT (source_id) DO UPDATE SET "
                  + ", ".join(f'"{c}" = excluded."{c}"' for c in ARTICLE_COLUMNS[1:]) + " RETURNING id")


def _save(conn: sqlite3.Connection, article: Article, figures: list[Figure], extractor_version: str,
          stored_id: int | None, after_save: Callable[[sqlite3.Connection, int], object] | None
          ) -> tuple[SaveResult, int]:
    old_figures: dict[str, tuple[str, float]] = {}
    old_keys: set[str] = set()
    if stored_id is not None:
        old = conn.execute("SELECT fkey, text, value, origin FROM figure WHERE article_id = ?", (stored_id,)).fetchall()
        old_figures = {k: (t, v) for k, t, v, origin in old if origin == "reported"}
        old_keys = {k for k, _, _, _ in old}
        # Figures first: their sentences are what they point to.
        conn.execute("DELETE FROM figure WHERE article_id = ?", (stored_id,))
        conn.execute("DELETE FROM sentence WHERE article_id = ?", (stored_id,))
    ((article_id,),) = conn.execute(UPSERT_ARTICLE, _article_row(conn, article, extractor_version)).fetchall()
    sentences = _save_sentences(conn, article_id, figures)
    # Looked up once per region named, not once per figure (the lookup scans the aliases).
    regions = {name: region_id(conn, name) for name in {f.region for f in figures}}
    seen: Counter[str] = Counter()
    keys = [figure_key(article.source_id, f, seen) for f in figures]
    conn.executemany(INSERT_FIGURE, [_figure_row(article_id, seq, key, f, sentences, regions)
                                     for seq, (key, f) in enumerate(zip(keys, figures), 1)])
    if old_figures:
        reattach_reviews(conn, old_figures, {k: (f.text, f.value) for k, f in zip(keys, figures)})
    if after_save is not None:
        after_save(conn, article_id)
    new_keys = set(keys)
    return (SaveResult(article.path, "replaced" if stored_id is not None else "new", len(keys),
                       len(new_keys - old_keys), len(new_keys & old_keys), len(old_keys - new_keys)),
            article_id)


def article_search_texts(article: Article, figures: list[Figure]) -> SearchTexts:
    """The search texts of an article and its figures, each figure's clause read from its
    sentence as stored (the first text given for its span, as _save_sentences stores it)."""
    spans: dict[tuple[int, int], str] = {}
    sentences = [whole_sentence(f) for f in figures]
    for s in sentences:
        spans.setdefault((s.start, s.end), s.text)
    return search_texts(article.title, article.source, [(f.subject, (s.start, spans[(s.start, s.end)]), f.start, f.end)
                                                        for f, s in zip(figures, sentences)])


def _article_row(conn: sqlite3.Connection, article: Article, extractor_version: str) -> tuple[Any, ...]:
    return (article.source_id, article.paper, article.day.isoformat(), article.edition, article.page, article.title,
            article.url, region_id(conn, article.region), article.path, article.format, article.encoding,
            article.sha256, extractor_version, article.source,
            datetime.now(timezone.utc).isoformat(timespec="seconds"))


def whole_sentence(figure: Figure) -> Sentence:
    """The whole sentence a figure stands in (a figure made without one: its ``sentence``)."""
    return figure.whole_sentence or Sentence(figure.sentence_start, figure.sentence_end, figure.sentence)


def _save_sentences(conn: sqlite3.Connection, article_id: int, figures: list[Figure]) -> dict[tuple[int, int], int]:
    """Store each sentence of the figures once (the first text given for its span); their ids by span."""
    spans: dict[tuple[int, int], str] = {}
    for f in figures:
        s = whole_sentence(f)
        spans.setdefault((s.start, s.end), s.text)
    conn.executemany(INSERT_SENTENCE, [(article_id, a, b, text) for (a, b), text in spans.items()])
    return {(a, b): i for i, a, b in conn.execute(
        'SELECT id, start, "end" FROM sentence WHERE article_id = ?', (article_id,))}


def _figure_row(article_id: int, seq: int, key: str, f: Figure, sentences: dict[tuple[int, int], int],
                regions: dict[str | None, int | None]) -> tuple[Any, ...]:
    """A figure's values in the order of FIGURE_COLUMNS."""
    s = whole_sentence(f)
    linked = f.indicator is not None
    return (article_id, seq, key, "reported", f.start, f.end, f.text, f.value, f.value_max, f.unit, f.qualifier,
            f.kind, f.direction, f.period_start, f.period_end, f.period_label, f.subject, f.sector, f.section,
            f.paragraph, sentences[(s.start, s.end)], f.indicator, regions[f.region],
            f.link_rival if linked else None, f.link_margin if linked else None, f.link_evidence or None)
