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

import socket
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

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


def guarded(app: Any) -> Any:
    """The Datasette ASGI app behind zone's rules: only reads (any other method is 405, so a
    POST to a canned query is refused before Datasette sees it), no page that shows the
    database's path on disk, and the security headers on every response."""

    async def asgi(scope: dict[str, Any], receive: Any, send: Any) -> None:
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
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise ServeError(f"{path}: cannot be read as SQLite ({e})") from e
    return DatabaseInfo(path, int(articles), int(figures), int(indicators))


def load_metadata(with_series: bool = True) -> dict[str, Any]:
    """browse/metadata.yaml as a dict, checked to contain no writable canned query.

    The series and conflicts queries are dropped when there are no indicators: they could
    only ever be empty. The series query's SQL is track.series.SERIES_SQL.
    """
    metadata: dict[str, Any] = yaml.safe_load(METADATA_PATH.read_text(encoding="utf-8"))
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
    from datasette.database import Database

    # When the rich package is installed (other tools pull it in), Datasette prints every
    # error page's traceback with its local variables to the console: half a second of CPU
    # for each refused query, so a few hundred bad requests would stall the server. A
    # refused query is expected here; the error page the user gets is unchanged.
    datasette.handle_exception.rich = None

    class ReadOnlyDatabase(Database):
        """Datasette opens a plain read-write connection for writes; this one never does."""

        def connect(self, write: bool = False) -> sqlite3.Connection:
            conn: sqlite3.Connection = super().connect(write=False)
            return bound(conn)

    info = info or inspect_database(path)
    if metadata is None:
        metadata = load_metadata(with_series=info.indicators > 0)
    register_plugin()
    ds = Datasette(files=[], metadata=metadata, settings=SETTINGS, template_dir=str(TEMPLATES_DIR),
                   static_mounts=[(STATIC_MOUNT, str(STATIC_DIR))])
    # With no files Datasette adds an in-memory scratch database; zone has no use for it.
    ds.remove_database("_memory")
    ds.add_database(ReadOnlyDatabase(ds, path=str(path.resolve()), is_mutable=True), name=DATABASE_NAME)
    return ds


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
    ds = make_datasette(path, info=info)
    check_port(host, port)
    run_sync(ds.invoke_startup)
    run_sync(lambda: check_databases(ds))
    if on_ready is not None:
        on_ready(info, url_for(host, port))
    uvicorn.run(guarded(ds.app()), host=host, port=port, log_level="warning", lifespan="on", workers=1)
