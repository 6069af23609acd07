"""read_article: read one article file: decode it, recognise its format, hand it to that
format's reader, then apply the user's metadata overrides and the fallbacks for a missing
date and title."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ingest.model import Article, ArticleError
from ingest.read.dates import parse_loose_date
from ingest.read.decode import decode
from ingest.read.detect import detect_format
from ingest.read.epaper import read_epaper_text
from ingest.read.markdown import read_markdown
from ingest.read.plain import read_text


@dataclass(frozen=True)
class Overrides:
    """Metadata the user supplies on the command line; it wins over what the file says."""

    date: date | None = None
    title: str | None = None
    source: str | None = None
    region: str | None = None


def read_article(path: Path | str, overrides: Overrides = Overrides()) -> Article:
    """Read one article file. Raises ArticleError with the reason when it cannot."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ArticleError("is a directory, not an article file") from None
    except OSError as e:
        raise ArticleError(e.strerror or str(e)) from None
    source, encoding = decode(data)
    sha = hashlib.sha256(data).hexdigest()
    kind = detect_format(path, source)
    if kind == "markdown":
        article = read_markdown(path, source)
    elif kind == "html":
        from ingest.read.html import read_html  # HTML needs its own parser; keep text paths light

        article = read_html(path, source)
    elif kind == "epaper-text":
        article = read_epaper_text(path, source)
    else:
        article = read_text(path, source)
    article.encoding = encoding
    article.sha256 = sha
    _apply(article, overrides, path)
    if not article.paragraphs:
        raise ArticleError("no article text found")
    return article


def _apply(article: Article, overrides: Overrides, path: Path) -> None:
    if overrides.date:
        article.published = overrides.date
    if overrides.title:
        article.title = overrides.title
    if overrides.source:
        if article.source_id.startswith(("file/", "unknown/")) or (article.paper and article.source_id.startswith(article.paper + "/")):
            article.source_id = overrides.source + "/" + article.source_id.split("/", 1)[1]
        article.paper = overrides.source
    if overrides.region:
        article.region = overrides.region
    if article.published is None:
        found = parse_loose_date(path.name)
        if found is None:
            raise ArticleError("no recognisable publication date (give one with --date YYYY-MM-DD)")
        article.published = found
    if not article.title:
        article.title = article.headings[0].text if article.headings else path.stem
