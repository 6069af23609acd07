"""From article files to saved rows: the steps the CLI runs for each file."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterable, Iterator

from ingest.extract import EXTRACTOR_VERSION, extract_figures
from ingest.catalog import apply_catalog, catalog, link_figures
from ingest.model import Article, Figure
from ingest.reader import Overrides, read_article
from ingest.store import SaveResult, save_article
from track.derive import derive_figures

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


def prepare(path: Path, overrides: Overrides = Overrides()) -> tuple[Article, list[Figure]]:
    """Read and extract one article file, touching no database. Raises ArticleError."""
    article = read_article(path, overrides)
    return article, figures_of(article)


def save(conn: sqlite3.Connection, article: Article, figures: list[Figure], force: bool = False) -> SaveResult:
    """Save a prepared article and its figures in one transaction, with its derived figures.

    The catalog is written to the database first (only when it changed since the last run),
    and its version is part of the extractor version, so an edited catalog re-links
    articles on the next ingest.
    """
    apply_catalog(conn)
    version = f"{EXTRACTOR_VERSION}+catalog.{catalog().version}"
    return save_article(conn, article, figures, version, force=force, after_save=derive_figures)


def ingest_file(conn: sqlite3.Connection, path: Path, overrides: Overrides = Overrides(),
                force: bool = False) -> SaveResult:
    """Read, extract and save one article file. Raises ArticleError before writing anything."""
    article, figures = prepare(path, overrides)
    return save(conn, article, figures, force=force)
