"""From article files to saved rows: the steps the CLI runs for each file."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterable, Iterator

from ingest.catalog import apply_catalog, catalog, link_figures
from ingest.derive import derive_figures
from ingest.extract import EXTRACTOR_VERSION, extract_figures
from ingest.limits import DEFAULT_MAX_BYTES, check_article, check_file
from ingest.model import Article, Figure
from ingest.reader import Overrides, read_article
from ingest.store import SaveResult, save_article, unchanged_count

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


def stored_version() -> str:
    """The rules an article's figures were made with: extractor and catalog versions.

    Part of every article row, so improved rules or an edited catalog re-extract and
    re-link articles on the next ingest.
    """
    return f"{EXTRACTOR_VERSION}+catalog.{catalog().version}"


def ingest_article(conn: sqlite3.Connection, article: Article, force: bool = False) -> SaveResult:
    """Extract, link and save one article in one transaction, with its derived figures.

    An article whose file and rules are unchanged is not extracted again. The catalog is
    written to the database first (only when it changed since the last run).
    """
    apply_catalog(conn)
    version = stored_version()
    if not force:
        found = unchanged_count(conn, article, version)
        if found is not None:
            return SaveResult(article.path, "unchanged", found, 0, 0, 0)
    return save_article(conn, article, figures_of(article), version, force=force, after_save=derive_figures)


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
