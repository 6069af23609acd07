"""From article files to saved rows: the steps the CLI runs for each file."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterable, Iterator

from ingest.extract import EXTRACTOR_VERSION, extract_figures
from ingest.model import Article, Figure
from ingest.reader import Overrides, read_article
from ingest.store import SaveResult, save_article

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
    return extract_figures(article)


def ingest_file(conn: sqlite3.Connection, path: Path, overrides: Overrides = Overrides(),
                force: bool = False) -> SaveResult:
    """Read, extract and save one article file. Raises ArticleError before writing anything."""
    article = read_article(path, overrides)
    figures = figures_of(article)
    return save_article(conn, article, figures, EXTRACTOR_VERSION, force=force)
