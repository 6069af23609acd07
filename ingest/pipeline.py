"""From article files to saved rows: the steps the CLI runs for each file."""
from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Callable, Collection, Iterable, Iterator

from ingest.catalog import Catalog, apply_catalog, catalog, link_figures
from ingest.derive import derive_figures
from ingest.extract import EXTRACTOR_VERSION, extract_figures
from ingest.limits import DEFAULT_MAX_BYTES, check_article, check_file, printable
from ingest.model import Article, ArticleError, Figure
from ingest.reader import Overrides, read_article
from ingest.search_index import SearchRows, SearchTexts, write_search_rows
from ingest.store import SaveResult, apply_schema, article_search_texts, defer_indexes, open_db, save_article, unchanged_count

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}


def article_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, and article files found under folders, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                              and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            yield path


def figures_of(article: Article) -> list[Figure]:
    """Every figure of an article, extracted and linked to indicators and regions."""
    return link_figures(article, extract_figures(article))


def stored_version(cat: Catalog | None = None) -> str:
    """The rules an article's figures were made with: extractor and catalog versions.

    Part of every article row, so improved rules or an edited catalog re-extract and
    re-link articles on the next ingest.
    """
    return f"{EXTRACTOR_VERSION}+catalog.{(cat or catalog()).version}"


def ingest_article(conn: sqlite3.Connection, article: Article, force: bool = False,
                   figures: list[Figure] | None = None, search: dict[int, SearchRows] | None = None,
                   texts: SearchTexts | None = None) -> SaveResult:
    """Extract (unless ``figures`` are given), link and save one article in one transaction
    (a savepoint when the caller holds one), with its derived figures; its search rows are
    written, or put in ``search`` for the caller to write; ``texts``: its search texts, made
    with ``figures`` (store.save_article).

    An article whose file and rules are unchanged is not extracted again. The catalog is
    written to the database first (only when it changed since the last run).
    """
    cat = catalog()   # once per article: each call looks at the five catalog files
    apply_catalog(conn, cat)
    version = stored_version(cat)
    if not force:
        found = unchanged_count(conn, article, version)
        if found is not None:
            return SaveResult(article.path, "unchanged", found, 0, 0, 0)
    return save_article(conn, article, figures_of(article) if figures is None else figures, version, force=force,
                        after_save=partial(derive_figures, cat=cat), search=search,
                        texts=texts if figures is not None else None)


def read_within_limits(path: Path, overrides: Overrides | None = None,
                       max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one article file held to zone's limits (ingest/limits.py). Raises ArticleError."""
    check_file(path, max_bytes)
    article = read_article(path, overrides or Overrides())
    check_article(article)
    return article


def ingest_file(conn: sqlite3.Connection, path: Path, overrides: Overrides | None = None,
                force: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> SaveResult:
    """Read and ingest one article file. Raises ArticleError before writing anything."""
    return ingest_article(conn, read_within_limits(path, overrides, max_bytes), force=force)


# --- a run over many files: workers read, extract and link; one writer saves ------------------

@dataclass(frozen=True)
class Prepared:
    """One article file made ready for saving, or the one-line reason it cannot be."""
    path: Path
    article: Article | None = None
    figures: list[Figure] | None = None   # None with an article: unchanged since it was stored
    error: str | None = None
    texts: SearchTexts | None = None      # the search texts of the article and its figures


def prepare(path: Path, overrides: Overrides, max_bytes: int,
            unchanged: Collection[tuple[str, str]] = ()) -> Prepared:
    """Read, extract and link one file; no database is touched, so it runs in any process.

    ``unchanged`` holds the (source_id, sha256) of articles stored with the current rules:
    those are not extracted again. Errors are returned, not raised, so that a bad file
    stops only itself."""
    try:
        article = read_within_limits(path, overrides, max_bytes)
    except ArticleError as e:
        return Prepared(path, error=str(e))
    except Exception as e:  # a reader bug: one line, nothing saved, the run goes on
        return Prepared(path, error=f"internal error while reading, nothing was saved: {e.__class__.__name__}: {e}")
    if (article.source_id, article.sha256) in unchanged:
        return Prepared(path, article)
    try:
        figures = figures_of(article)
        texts = article_search_texts(article, figures)
    except Exception as e:  # an extraction bug must not stop a run of thousands of articles
        return Prepared(path, article, error=f"internal error, nothing was saved: {e.__class__.__name__}: {e}")
    # Saving needs the article's text, not its paragraphs (a source offset per character): sent
    # from a pool worker to the writer without them, an article pickles to 70% of the bytes.
    # Its search texts are made here too, in the worker: they cost the one writer a fifth of its time.
    return Prepared(path, replace(article, paragraphs=[], headings=[]), figures, texts=texts)


def stored_unchanged(db_path: Path) -> frozenset[tuple[str, str]]:
    """The (source_id, sha256) of the articles a database holds with the current rules
    (nothing when it does not exist yet); read-only, so bad input still creates nothing."""
    if not db_path.is_file():
        return frozenset()
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return frozenset(conn.execute("SELECT source_id, sha256 FROM article WHERE extractor_version = ?",
                                          (stored_version(),)))
        finally:
            conn.close()
    except sqlite3.Error:  # not a zone database yet (or an older one): open_db says so later
        return frozenset()


def prepared_articles(paths: list[Path], overrides: Overrides, max_bytes: int,
                      unchanged: Collection[tuple[str, str]] = (), jobs: int = 1) -> Iterator[Prepared]:
    """Every file prepared, in input order; with jobs > 1 in a pool of that many processes.

    At most a few articles per worker wait for the writer, so memory stays flat however
    many files there are."""
    work = partial(prepare, overrides=overrides, max_bytes=max_bytes, unchanged=unchanged)
    if jobs <= 1:
        yield from map(work, paths)
        return
    catalog()  # loaded once here; forked workers inherit it instead of reading the YAML each
    pool = ProcessPoolExecutor(jobs, initializer=_exit_with_parent, initargs=(os.getpid(),))
    try:
        pending: deque[Future[Prepared]] = deque()
        for path in paths:
            pending.append(pool.submit(work, path))
            if len(pending) >= 4 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:  # on Ctrl-C or an error in the writer, queued articles are dropped, not waited for
        pool.shutdown(cancel_futures=True)


def _exit_with_parent(parent: int) -> None:
    """In a pool worker: exit once the writer is gone (killed with SIGKILL, nothing told the
    pool), instead of waiting forever for work that will not come."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


COMMIT_SECONDS = 0.5
BULK_ARTICLES = 500


def bulk_load(conn: sqlite3.Connection, to_write: int) -> bool:
    """Whether a run of ``to_write`` articles is a bulk load: at least BULK_ARTICLES, and at
    least as many as the database holds. Such a run builds the figure table's secondary
    indexes once at its end (store.defer_indexes) instead of keeping them up row by row, which
    would cost more than building them again over the whole table."""
    if to_write < BULK_ARTICLES:
        return False
    return int(conn.execute("SELECT count(*) FROM article").fetchone()[0]) <= to_write


class Writer:
    """Saves prepared articles, each whole (a savepoint of its own), committing every
    COMMIT_SECONDS of work instead of once per article: each commit waits for the disk
    (about 13 ms here), which cost more than extracting an article. A killed run loses at
    most the uncommitted articles, never part of one; ``report`` hears of each article only
    once it is committed, so every line printed is an article that is in the database."""

    def __init__(self, db_path: Path, report: Callable[[str, bool], None], force: bool = False,
                 to_write: int = 0) -> None:
        self.db_path, self.report, self.force = db_path, report, force
        # How many articles the run may write (its files less those stored unchanged): a run
        # that at least doubles the database is a bulk load (bulk_load).
        self.to_write = to_write
        self.deferred = False
        self.conn: sqlite3.Connection | None = None
        self.lines: list[tuple[str, bool]] = []   # (line, is_error) held until the next commit
        # The search rows of the articles saved since the last commit, written just before it:
        # FTS5 writes an index segment at each savepoint's end, one per article otherwise.
        self.search: dict[int, SearchRows] = {}
        self.since = time.monotonic()
        self.failed = 0

    def fail(self, path: Path, reason: str) -> None:
        self.failed += 1
        self.lines.append((f"{printable(path)}: {printable(reason)}", True))
        self._maybe_commit()

    def save(self, prepared: Prepared) -> None:
        if prepared.error is not None or prepared.article is None:
            self.fail(prepared.path, prepared.error or "no article")
            return
        # Opened only once an article has been read: bad input never creates a database.
        new = self.conn is None
        conn = self.conn = self.conn or open_db(self.db_path)
        if not conn.in_transaction:
            conn.execute("BEGIN IMMEDIATE")
            self.since = time.monotonic()
        if new and bulk_load(conn, self.to_write):
            apply_catalog(conn, catalog())   # before: deleting an indicator would scan every figure
            self.deferred = bool(defer_indexes(conn))
        try:
            result = ingest_article(conn, prepared.article, self.force, prepared.figures, self.search, prepared.texts)
        except sqlite3.IntegrityError as e:  # rolled back to its savepoint: the article is not stored
            self.fail(prepared.path, f"figures break a database rule ({e}); nothing was saved")
            return
        except Exception as e:
            self.fail(prepared.path, f"internal error, nothing was saved: {e.__class__.__name__}: {e}")
            return
        self.lines.append((result.summary(), False))
        self._maybe_commit()

    def _maybe_commit(self) -> None:
        if time.monotonic() - self.since >= COMMIT_SECONDS:
            self.commit()

    def commit(self) -> None:
        if self.conn is not None and self.conn.in_transaction:
            write_search_rows(self.conn, self.search.values())
            self.conn.execute("COMMIT")
        self.search.clear()
        self.since = time.monotonic()
        for line, is_error in self.lines:
            self.report(line, is_error)
        self.lines.clear()

    def close(self, commit: bool = True) -> None:
        """Commit what is saved and close; after an interruption (commit=False) the held
        articles, never reported, are rolled back with the connection."""
        if commit:
            self.commit()
        if self.conn is not None:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if self.deferred:
                apply_schema(self.conn)   # the indexes a bulk load set aside, each built in one pass
            self.conn.close()
