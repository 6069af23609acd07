"""Read an article file into an Article: recognise the format and read it with that format's
reader. Decoding, characters, lines, units, dates, web-page furniture, the body and e-paper
metadata live in the package ingest.read (see its docstring); this module keeps the names the
rest of zone imports from ingest.reader.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from ingest.model import Article, ArticleError, Paragraph
from ingest.read.body import Body, digest
from ingest.read.boilerplate import BOILERPLATE_MAX, boilerplate, is_byline, is_nav_bar, paper_from_meta
from ingest.read.dates import as_date, parse_date, parse_loose_date
from ingest.read.decode import decode
from ingest.read.enp import EDITION, parse_enpproperty, split_enp_tail
from ingest.read.lines import raw_lines, source_lines
from ingest.read.offsets import BLANK, CELL_SEPARATOR, Line, take
from ingest.read.text import FOLD_TABLE, display_width, fold, is_traditional, norm, source_id, t2s_table, to_simplified
from ingest.read.units import HEADING_MAX, SENTENCE_END, Unit, Wrap, detect_wrap, ends_sentence, group_lines, looks_like_heading

# The names ingest.html imports from here.
_FOLD_TABLE = FOLD_TABLE
_source_id = source_id

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass(frozen=True)
class Overrides:
    """Metadata the user supplies on the command line; it wins over what the file says."""

    date: date | None = None
    title: str | None = None
    source: str | None = None
    region: str | None = None


# --------------------------------------------------------------------------- reading

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
    suffix = path.suffix.lower()
    if _FRONT_MATTER.match(source) or suffix in (".md", ".markdown"):
        article = _read_markdown(path, source)
    elif suffix in (".html", ".htm", ".shtml", ".xhtml") or _looks_like_html(source):
        from ingest.html import read_html  # HTML needs its own parser; keep text paths light

        article = read_html(path, source)
    elif _is_epaper_text(source):
        article = _read_epaper_text(path, source)
    else:
        article = _read_text(path, source)
    article.encoding = encoding
    article.sha256 = sha
    _apply(article, overrides, path)
    if not article.paragraphs:
        raise ArticleError("no article text found")
    return article


def _looks_like_html(source: str) -> bool:
    head = source[:4096]
    if re.search(r"<(?:!doctype\s+html|html|head|body|meta)\b", head, re.I):
        return True
    return len(re.findall(r"</?(?:p|div|br|table|span|td)\b[^>]*>", head, re.I)) >= 4


def _is_epaper_text(source: str) -> bool:
    first = [ln.strip() for ln in source.lstrip().splitlines()[:3] if ln.strip()]
    if not first or len(first[0]) > 24 or not parse_date(first[0]):
        return False
    return "enpproperty" in source[-2000:] or (len(first) > 1 and bool(EDITION.match(first[1])))


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



def _read_epaper_text(path: Path, source: str) -> Article:
    raw = raw_lines(source)
    body_end, meta = split_enp_tail(source, raw)
    nonblank = [(s, e) for s, e in raw if source[s:e].strip() and e <= body_end]
    published = parse_date(source[nonblank[0][0]:nonblank[0][1]]) if nonblank else None
    edition = None
    pos = 1
    if len(nonblank) > pos and EDITION.match(source[nonblank[pos][0]:nonblank[pos][1]]):
        edition = source[nonblank[pos][0]:nonblank[pos][1]].strip()
        pos += 1
    title = ""
    body_start = nonblank[pos - 1][1] if nonblank else 0
    if meta.get("title"):
        # The title line may sit below a kicker line; the metadata names it.
        want = norm(meta["title"])
        for k in range(pos, min(pos + 4, len(nonblank))):
            if norm(source[nonblank[k][0]:nonblank[k][1]]) == want:
                title, body_start = source[nonblank[k][0]:nonblank[k][1]].strip(), nonblank[k][1]
                break
    if not title and len(nonblank) > pos:
        line = source[nonblank[pos][0]:nonblank[pos][1]].strip()
        if not ends_sentence(line) and len(line) <= 80:
            title, body_start = line, nonblank[pos][1]
    body = digest(group_lines(source_lines(source, body_start, body_end)), title=title or meta.get("title"))
    paper = meta.get("paper") or body.paper
    page = meta.get("page")
    stem = Path(page).stem if page else path.stem
    return Article(
        path=str(path), source=source, encoding="", sha256="", format="epaper-text",
        published=published or as_date(meta.get("date")) or body.published,  # type: ignore[arg-type]
        title=title or meta.get("title", "") or body.title, source_id=_source_id(paper, stem),
        paragraphs=body.paragraphs, headings=body.headings, paper=paper,
        edition=edition or meta.get("edition"), page=page, url=meta.get("url"),
    )


_FM_KEYS = {
    "title": "title", "标题": "title", "date": "date", "published": "date", "pubdate": "date", "publish_date": "date",
    "日期": "date", "发布日期": "date", "发布时间": "date", "source": "source", "paper": "source", "来源": "source",
    "报纸": "source", "媒体": "source", "url": "url", "link": "url", "链接": "url", "网址": "url", "region": "region",
    "地区": "region", "区域": "region", "page": "page", "edition": "page", "版面": "page", "版次": "page", "id": "id",
}


def _read_markdown(path: Path, source: str) -> Article:
    m = _FRONT_MATTER.match(source)
    meta: dict[str, object] = {}
    body_start = 0
    if m:
        try:
            loaded = yaml.safe_load(m["yaml"]) or {}
        except yaml.YAMLError as e:
            raise ArticleError(f"front matter is not valid YAML ({e.__class__.__name__})") from None
        if not isinstance(loaded, dict):
            raise ArticleError("front matter is not a YAML mapping")
        for k, v in loaded.items():
            key = _FM_KEYS.get(str(k).strip().lower())
            if key and v is not None and key not in meta:
                meta[key] = v
        body_start = m.end()
    title = str(meta.get("title") or "").strip()
    raw, meta_tail = split_enp_tail(source, raw_lines(source, body_start))
    body = digest(group_lines(source_lines(source, body_start, raw, markdown=True)), title=title or None)
    if not title:
        title = body.title
    paper = str(meta["source"]).strip() if meta.get("source") else (meta_tail.get("paper") or body.paper)
    url = str(meta["url"]).strip() if meta.get("url") else meta_tail.get("url")
    if meta.get("id"):
        source_id = _source_id(paper, str(meta["id"]).strip())
    elif url:
        source_id = url
    else:
        source_id = _source_id(paper, path.stem)
    page = str(meta["page"]).strip() if meta.get("page") is not None else None
    return Article(
        path=str(path), source=source, encoding="", sha256="", format="markdown",
        published=as_date(meta.get("date")) or as_date(meta_tail.get("date")) or body.published,  # type: ignore[arg-type]
        title=title, source_id=source_id, paragraphs=body.paragraphs, headings=body.headings,
        paper=paper, url=url, region=str(meta["region"]).strip() if meta.get("region") else None,
        edition=page or meta_tail.get("edition"), page=meta_tail.get("page"),
    )


def _read_text(path: Path, source: str) -> Article:
    body_end, meta = split_enp_tail(source, raw_lines(source))
    lines = source_lines(source, 0, body_end)
    edition = None
    nonblank = [ln for ln in lines if ln.kind != "blank"]
    for ln in nonblank[:4]:
        if EDITION.match(ln.text) and len(ln.text) <= 20:
            edition = ln.text.strip()
            lines = [x for x in lines if x is not ln]
            break
    body = digest(group_lines(lines), title=meta.get("title"))
    paper = meta.get("paper") or body.paper
    page = meta.get("page")
    return Article(
        path=str(path), source=source, encoding="", sha256="", format="text",
        published=body.published or as_date(meta.get("date")),  # type: ignore[arg-type]
        title=meta.get("title") or body.title, source_id=_source_id(paper, Path(page).stem if page else path.stem),
        paragraphs=body.paragraphs, headings=body.headings, paper=paper,
        edition=edition or meta.get("edition"), page=page, url=meta.get("url"),
    )


def line_index(source: str) -> list[int]:
    """Start offset of each line ('\\n'-separated), for turning (line, column) into an offset."""
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", source))
    return starts


def offset_of(starts: list[int], lineno: int, col: int) -> int:
    return starts[lineno - 1] + col

