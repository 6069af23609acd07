"""Serve a zone database in Datasette, read-only, with zone's metadata and canned queries.

Read-only by construction rather than by convention: the database is opened in SQLite's
``mode=ro`` for every connection Datasette makes — including the one it would use for
writes — and with ``PRAGMA query_only``, so no request, canned query or plugin can change
the file. ``mode=ro`` rather than Datasette's immutable mode (``-i``/``immutable=1``): an
immutable database is read without locks on the promise that the file never changes, but
``zone ingest`` does change it, possibly while a browser tab is still open. ``mode=ro``
keeps SQLite's locking, so a reader sees each ingested article either whole or not at all
and new articles appear without restarting the server.
"""
from __future__ import annotations

import asyncio
import json
import re
import socket
import sqlite3
import sys
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Coroutine

import yaml
from datasette.database import Database, QueryInterrupted, Results

from track.series import SERIES_SQL

BROWSE_DIR = Path(__file__).resolve().parent
METADATA_PATH = BROWSE_DIR / "metadata.yaml"
TEMPLATES_DIR = BROWSE_DIR / "templates"
STATIC_DIR = BROWSE_DIR / "static"
STATIC_MOUNT = "zone-static"  # /zone-static/zone.css
DATABASE_NAME = "zone"  # the route (/zone) whatever the file is called
REQUIRED_TABLES = ("article", "figure")
# The canned queries read figures through these views (schema.sql); a database written
# before they existed gets them back from any `zone ingest`, which re-applies the schema.
REQUIRED_VIEWS = ("figure_current", "series", "conflict", "review_queue", "review_waiting", "figure_detail",
                  "region_name")
# The search index (schema.sql); an older database gets it from the next `zone ingest`.
REQUIRED_SEARCH = ("article_fts", "figure_fts")
# The key of metadata.yaml that describes the columns of every view (not Datasette's).
GLOSSARY_KEY = "zone_glossary"
# Queries that can only be empty without indicators are not offered then.
NEEDS_INDICATORS = ("series", "conflicts")

# Local, single-user browsing: ad hoc SQL may take longer than Datasette's 1 s default on a
# large database; the canned queries stay well below it (see tests/test_browse.py).
SETTINGS: dict[str, Any] = {
    "sql_time_limit_ms": 3000,
    "default_page_size": 100,
    "max_returned_rows": 1000,   # a page is at most this many rows, whatever ?_size= asks
    "max_csv_mb": 20,
    "allow_download": False,     # Datasette offers downloads only for immutable files anyway
    "truncate_cells_html": 2048,  # article.text is long; the row page and .json carry it whole
    # The file changes under the server (zone ingest, zone review): a page reloaded after a
    # review must show it, so browsers are told not to reuse pages (Datasette's default is 5 s).
    "default_cache_ttl": 0,
    # Suggesting facets tries every column of a page (up to 50 ms each): on a view of figures as
    # reviewed that is seconds per page on a large database. The useful facets are configured.
    "suggest_facets": False,
    # A facet over a million figures takes longer than Datasette's 200 ms on a busy machine; it
    # is counted once per version of the file (ResultCache) and then costs nothing, so it is
    # given up to a second rather than dropped on every page.
    "facet_time_limit_ms": 1000,
}

# What one ad hoc query may build: a string or blob of at most 8 MB (the longest article is
# capped at 5 MB), SQL text of at most 100 KB, and the server's SQLite heap at most 512 MB,
# so select zeroblob(999999999) or randomblob(9e8) fails at once instead of eating memory.
MAX_VALUE_BYTES = 8 * 1024 * 1024
MAX_SQL_BYTES = 100_000
HEAP_LIMIT_BYTES = 512 * 1024 * 1024

# Headers of a public read-only site. Datasette's pages use inline scripts and styles, so
# those stay allowed; nothing may be loaded from elsewhere, framed, or posted anywhere.
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", b"default-src 'self'; script-src 'self' 'unsafe-inline'; "
                                 b"style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
                                 b"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)
# Pages that would show where the database lives on disk.
HIDDEN_PATHS = ("/-/databases", "/-/databases.json")
READ_METHODS = ("GET", "HEAD", "OPTIONS")


class ServeError(Exception):
    """A database that cannot be served; the message names the file and the reason."""


@dataclass(frozen=True)
class DatabaseInfo:
    path: Path
    articles: int
    figures: int
    indicators: int
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)   # table or view -> its columns


def _connect_read_only(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    conn.execute("PRAGMA query_only = 1")
    return conn


def bound(conn: sqlite3.Connection) -> sqlite3.Connection:
    """Read-only and bounded: what any request may make SQLite do on this connection."""
    conn.execute("PRAGMA query_only = 1")
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, MAX_SQL_BYTES)
    conn.execute(f"PRAGMA hard_heap_limit = {HEAP_LIMIT_BYTES}")
    return conn


def guarded(app: Any, started: Callable[[], Coroutine[Any, Any, None]] | None = None) -> Any:
    """The Datasette ASGI app behind zone's rules: only reads (any other method is 405, so a
    POST to a canned query is refused before Datasette sees it), no page that shows the
    database's path on disk, and the security headers on every response. ``started`` runs
    as a task of the server's event loop once the app has started."""
    tasks: set[asyncio.Task[None]] = set()

    async def asgi(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan" and started is not None:
            async def send_started(message: dict[str, Any]) -> None:
                await send(message)
                if message["type"] == "lifespan.startup.complete":
                    tasks.add(asyncio.get_running_loop().create_task(started()))

            await app(scope, receive, send_started)
            return
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        if scope["method"] not in READ_METHODS:
            await _drain(receive)
            await _plain(send, 405, b"zone serves a read-only database: only GET requests are answered\n",
                         extra=((b"allow", b"GET, HEAD, OPTIONS"),))
            return
        if scope["path"].rstrip("/") in HIDDEN_PATHS:
            await _plain(send, 404, b"not found\n")
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (name, value) for name, value in SECURITY_HEADERS if name not in names]
            await send(message)

        await app(scope, receive, send_with_headers)

    return asgi


# A refused request's body is read (and dropped) so that the client's next request on the
# same kept-alive connection is not taken for the rest of it; beyond this, the connection closes.
MAX_DRAINED_BYTES = 1024 * 1024


async def _drain(receive: Any) -> None:
    seen = 0
    while seen <= MAX_DRAINED_BYTES:
        message = await receive()
        if message["type"] != "http.request":
            return
        seen += len(message.get("body", b""))
        if not message.get("more_body"):
            return


async def _plain(send: Any, status: int, body: bytes, extra: tuple[tuple[bytes, bytes], ...] = ()) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status,
                "headers": headers + list(extra) + list(SECURITY_HEADERS)})
    await send({"type": "http.response.body", "body": body})


def inspect_database(path: Path) -> DatabaseInfo:
    """Check that ``path`` is a zone database without writing to it (or creating it)."""
    if not path.exists():
        raise ServeError(f"{path}: no such database file (build it with: zone ingest articles/ --db {path})")
    if not path.is_file():
        raise ServeError(f"{path}: not a file")
    try:
        conn = _connect_read_only(path)
        try:
            tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            missing = [t for t in REQUIRED_TABLES if t not in tables]
            if missing:
                raise ServeError(f"{path}: not a zone database (no {', '.join(missing)} table)")
            views = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
            old = [v for v in REQUIRED_VIEWS if v not in views] + [t for t in REQUIRED_SEARCH if t not in tables]
            if old:
                raise ServeError(f"{path}: written by an older zone (no {', '.join(old)}); "
                                 f"update it with: zone ingest articles/ --db {path}")
            articles = conn.execute("SELECT count(*) FROM article").fetchone()[0]
            figures = conn.execute("SELECT count(*) FROM figure").fetchone()[0]
            indicators = (conn.execute("SELECT count(*) FROM indicator").fetchone()[0]
                          if "indicator" in tables else 0)
            columns = {name: tuple(r[0] for r in conn.execute("SELECT name FROM pragma_table_info(?)", (name,)))
                       for name in sorted(tables | views)}
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise ServeError(f"{path}: cannot be read as SQLite ({e})") from e
    return DatabaseInfo(path, int(articles), int(figures), int(indicators), columns)


def load_metadata(with_series: bool = True, columns: dict[str, tuple[str, ...]] | None = None) -> dict[str, Any]:
    """browse/metadata.yaml as a dict, checked to contain no writable canned query. With
    ``columns`` (the database's tables and views and their columns), each table's column
    descriptions are those columns, in their order, described from the table's own entry or
    the glossary.

    The series and conflicts queries are dropped when there are no indicators: they could
    only ever be empty. The series query's SQL is track.series.SERIES_SQL.
    """
    metadata: dict[str, Any] = yaml.safe_load(METADATA_PATH.read_text(encoding="utf-8"))
    columns = columns or {}
    glossary: dict[str, str] = metadata.pop(GLOSSARY_KEY, {})
    for name, table in metadata["databases"][DATABASE_NAME]["tables"].items():
        # One meaning per column name: the columns of the views are described once, in the
        # glossary; a table's own description of a column wins.
        own: dict[str, str] = table.get("columns") or {}
        if name in columns:
            table["columns"] = {c: own.get(c) or glossary[c] for c in columns[name] if c in own or c in glossary}
    queries: dict[str, Any] = metadata["databases"][DATABASE_NAME]["queries"]
    writable = [name for name, query in queries.items() if query.get("write")]
    if writable:
        raise ServeError(f"{METADATA_PATH}: writable canned queries are not allowed: {', '.join(writable)}")
    if not with_series:
        for name in NEEDS_INDICATORS:
            queries.pop(name, None)
    elif "series" in queries:
        queries["series"]["sql"] = SERIES_SQL       # the query of `zone series`, one text for both
    return metadata


def register_plugin() -> None:
    """zone's plugin (browse/plugin.py), once per process."""
    from datasette.plugins import pm

    from browse import plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name="zone")


def make_datasette(path: Path, metadata: dict[str, Any] | None = None, info: DatabaseInfo | None = None) -> Any:
    """A Datasette instance serving ``path`` read-only as /zone, with zone's metadata,
    templates, static files and plugin."""
    import datasette.handle_exception
    from datasette.app import Datasette

    # When the rich package is installed (other tools pull it in), Datasette prints every
    # error page's traceback with its local variables to the console: half a second of CPU
    # for each refused query, so a few hundred bad requests would stall the server. A
    # refused query is expected here; the error page the user gets is unchanged.
    datasette.handle_exception.rich = None

    info = info or inspect_database(path)
    if metadata is None:
        metadata = load_metadata(with_series=info.indicators > 0, columns=info.columns)
    register_plugin()
    ds = Datasette(files=[], metadata=metadata, settings=SETTINGS, template_dir=str(TEMPLATES_DIR),
                   static_mounts=[(STATIC_MOUNT, str(STATIC_DIR))])
    # With no files Datasette adds an in-memory scratch database; zone has no use for it.
    ds.remove_database("_memory")
    queries = metadata["databases"][DATABASE_NAME].get("queries", {})
    database = ReadOnlyDatabase(ds, path=str(path.resolve()), is_mutable=True)
    from browse import dashboard, pages

    database.listed = frozenset(q["sql"] for q in queries.values())
    database.kept = database.listed | frozenset(list(dashboard.KEPT_SQL) + list(pages.KEPT_SQL))
    ds.add_database(database, name=DATABASE_NAME)
    return ds


# Datasette's count of a table page (select count(*) from …) and its facets (select col as
# value, count(*) as count from (…)): on a million figures each reads every row, and Datasette
# runs them again on every page. Their result can only change when the file does.
AGGREGATE_SQL = re.compile(r"^\s*select (count\(\*\) |\S+ as value, count\(\*\) as count from \()", re.IGNORECASE)
RESULTS_KEPT = 512
# A count, facet or canned query over the page's time limit is finished apart, for at most
# this long, at most this many at a time.
BACKGROUND_S = 900
BACKGROUND_JOBS = 2
# A canned query's page: PAGE_ROWS rows (?_size= up to max_returned_rows), the page asked by
# ?_page=N (from 1), cut from its listing (its first max_returned_rows rows), which is computed
# once per version of the file: rendering a thousand rows with zone's cells takes a second or
# two, and the listing of a whole-database query takes minutes at a million figures.
PAGE_ROWS = 100


def file_version(path: Path) -> tuple[int, int, int]:
    """The version of a database file: its identity, size and modification time, which every
    committed write changes (the database uses a rollback journal, so a commit writes the file
    itself)."""
    stat = path.stat()
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


class ResultCache:
    """Results per version of the database file: what `datasette inspect` does for an immutable
    file, for a file that `zone ingest` may change. Kept: counts and facet counts, and the
    canned queries' results (those over the page's time limit finished in the background).
    A new version of the file (file_version) starts empty, so a result is never older than the
    file; browse/warm.py asks the slow pages again when the version changes."""

    def __init__(self) -> None:
        self._results: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._lock = threading.Lock()
        self._pending: dict[tuple[Any, ...], threading.Thread] = {}
        self.asked = 0      # how many results were asked to be finished in the background (browse/warm.py)

    @staticmethod
    def key(sql: str, params: Any, path: Path) -> tuple[Any, ...]:
        # dict.items: Datasette passes a canned query's parameters as a dict subclass.
        values = sorted((str(k), str(v)) for k, v in dict.items(params or {}))
        return (*file_version(path), sql, json.dumps(values, ensure_ascii=False))

    def busy(self) -> bool:
        """Whether a result is being finished in the background."""
        with self._lock:
            return any(t.is_alive() for t in self._pending.values())

    def get(self, key: tuple[Any, ...]) -> Any:
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
        return None

    def finish_later(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> None:
        """Run ``compute`` on a thread of its own and keep its result under ``key``; at most
        BACKGROUND_JOBS at a time and one per key, so a burst of slow pages does not start a
        burst of scans."""
        with self._lock:
            self.asked += 1
            self._pending = {k: t for k, t in self._pending.items() if t.is_alive()}
            if key in self._pending or len(self._pending) >= BACKGROUND_JOBS:
                return

            def run() -> None:
                try:
                    self.put(key, compute())
                except sqlite3.Error:
                    pass   # too long even for the background (BACKGROUND_S): the page says so

            self._pending[key] = threading.Thread(target=run, name="zone-result", daemon=True)
            self._pending[key].start()

    def put(self, key: tuple[Any, ...], results: Any) -> None:
        with self._lock:
            if any(k[:3] != key[:3] for k in self._results):   # the file changed: drop the old version's
                self._results.clear()
            self._results[key] = results
            while len(self._results) > RESULTS_KEPT:
                self._results.popitem(last=False)


def page_asked(page: Any, size: Any, most: int) -> tuple[int, int]:
    """The page number (from 1) and rows per page a canned query's ?_page= and ?_size= ask
    for; anything else than a number is the first page of PAGE_ROWS."""
    def number(value: Any, default: int) -> int:
        try:
            return max(1, int(str(value)))
        except ValueError:
            return default

    return number(page, 1), min(number(size, PAGE_ROWS), most)


class ReadOnlyDatabase(Database):
    """Datasette opens a plain read-write connection for writes; this one never does.
    Counts, facets, canned queries and the dashboard's and indicator page's queries are kept
    per version of the file (ResultCache): the same question of the same file has the same
    answer."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.results = ResultCache()
        # SQL whose answers are kept: the canned queries' (listed: shown a page at a time), the
        # dashboard's and the indicator page's (make_datasette).
        self.kept: frozenset[str] = frozenset()
        self.listed: frozenset[str] = frozenset()

    def connect(self, write: bool = False) -> sqlite3.Connection:
        conn: sqlite3.Connection = super().connect(write=False)
        return bound(conn)

    async def execute(self, sql: str, params: Any = None, *args: Any, **kwargs: Any) -> Any:
        if not AGGREGATE_SQL.match(sql) and sql not in self.kept:
            return await super().execute(sql, params, *args, **kwargs)
        if sql not in self.listed:
            return await self._kept(sql, params, *args, **kwargs)
        # dict.items: Datasette passes a canned query's parameters as a dict subclass, with every
        # argument of the request; zone's queries read none starting with _ (page, size, format).
        given = dict(dict.items(params or {}))
        page, size = page_asked(given.get("_page"), given.get("_size"), self.ds.max_returned_rows)
        listing = await self._kept(sql, {k: v for k, v in given.items() if not str(k).startswith("_")},
                                   *args, **kwargs)
        start = (page - 1) * size
        return Results(listing.rows[start:start + size], start + size < len(listing.rows) or listing.truncated,
                       listing.description)

    async def _kept(self, sql: str, params: Any, *args: Any, **kwargs: Any) -> Any:
        key = self.results.key(sql, params, Path(self.path))
        found = self.results.get(key)
        if found is None:
            try:
                found = await super().execute(sql, params, *args, **kwargs)
            except QueryInterrupted:
                # Over the page's time limit: finished in the background for the next page.
                self.finish_later(sql, params, kwargs.get("truncate", False))
                raise
            self.results.put(key, found)
        return found

    def finish_later(self, sql: str, params: Any, truncate: bool) -> None:
        self.results.finish_later(self.results.key(sql, params, Path(self.path)),
                                  lambda: self.run_apart(sql, params, truncate))

    def run_apart(self, sql: str, params: Any, truncate: bool) -> Any:
        """``sql`` on a connection of its own, as Datasette's execute() would return it."""
        conn = self.connect()
        try:
            self.ds._prepare_connection(conn, self.name)
            deadline = time.monotonic() + BACKGROUND_S
            conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
            cursor = conn.execute(sql, dict(params or {}))
            if not truncate:
                return Results(cursor.fetchall(), False, cursor.description)
            most = self.ds.max_returned_rows
            rows = cursor.fetchmany(most + 1)
            return Results(rows[:most], len(rows) > most, cursor.description)
        finally:
            conn.close()


def check_port(host: str, port: int) -> None:
    """Fail early, in one line, when the port is taken (uvicorn would log a traceback-ish error)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as e:
            raise ServeError(f"cannot listen on {host}:{port} ({e.strerror}); choose another with --port") from e


def url_for(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/{DATABASE_NAME}"


def serve(path: Path, host: str = "127.0.0.1", port: int = 8001,
          on_ready: Callable[[DatabaseInfo, str], None] | None = None) -> None:
    """Run Datasette on ``path`` until interrupted, the way ``datasette serve`` does.

    ``on_ready`` gets the database summary and the URL once every check has passed,
    so a URL is never announced for a server that cannot start.
    """
    import uvicorn
    from datasette.cli import check_databases, run_sync

    info = inspect_database(path)
    check_port(host, port)
    from browse.warm import keep_warm

    ds = make_datasette(path, info=info)
    run_sync(ds.invoke_startup)
    run_sync(lambda: check_databases(ds))
    if on_ready is not None:
        on_ready(info, url_for(host, port))
    app = guarded(ds.app(), started=lambda: keep_warm(ds, lambda line: print(line, file=sys.stderr, flush=True)))
    uvicorn.run(app, host=host, port=port, log_level="warning", lifespan="on", workers=1)
