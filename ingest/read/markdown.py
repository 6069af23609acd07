"""The Markdown format: .md, or any text with a YAML front-matter block (title, date, source,
url, region, page, id); Markdown markup is dropped from the text, offsets stay true."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from ingest.model import Article, ArticleError
from ingest.read.body import digest
from ingest.read.dates import as_date
from ingest.read.enp import split_enp_tail
from ingest.read.lines import raw_lines, source_lines
from ingest.read.text import source_id
from ingest.read.units import group_lines

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_OPENING = re.compile(r"\A---[ \t]*\r?\n")
MARKDOWN_SUFFIXES = (".md", ".markdown")
# A front matter block is a handful of fields; anything larger is not one zone should parse.
MAX_FRONT_MATTER_CHARS = 64 * 1024


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML as front matter needs it: no aliases (an alias bomb expands a few lines into
    gigabytes) and no implicit timestamps (YAML turns 2022-13-45 into a Python error rather
    than a value; dates are read as text by ingest.read.dates, and checked there)."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise ArticleError("front matter uses a YAML alias (*name); write the value out")
        return super().compose_node(parent, index)


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_FM_KEYS = {
    "title": "title", "标题": "title", "date": "date", "published": "date", "pubdate": "date", "publish_date": "date",
    "日期": "date", "发布日期": "date", "发布时间": "date", "source": "source", "paper": "source", "来源": "source",
    "报纸": "source", "媒体": "source", "url": "url", "link": "url", "链接": "url", "网址": "url", "region": "region",
    "地区": "region", "区域": "region", "page": "page", "edition": "page", "版面": "page", "版次": "page", "id": "id",
}


def front_matter_end(source: str) -> int:
    """Where the text after a front-matter block begins (after a BOM too), or 0 when there is none."""
    start = 1 if source.startswith("\ufeff") else 0
    m = FRONT_MATTER.match(source[start:start + MAX_FRONT_MATTER_CHARS + 16])
    return start + m.end() if m else 0


def front_matter(source: str) -> tuple[dict[str, object], int]:
    """(the front matter's fields under their canonical names, where the body starts)."""
    m = FRONT_MATTER.match(source[:MAX_FRONT_MATTER_CHARS + 16])
    if not m:
        if _OPENING.match(source):
            limit = MAX_FRONT_MATTER_CHARS // 1024
            raise ArticleError(f"front matter: no closing '---' line within {limit} KB (close it, or remove the "
                               f"opening '---' if the file has no front matter)")
        return {}, 0
    try:
        loaded = yaml.load(m["yaml"], Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as e:
        raise ArticleError(f"front matter is not valid YAML ({e.__class__.__name__})") from None
    except RecursionError:
        raise ArticleError("front matter is nested too deeply to be YAML fields") from None
    if not isinstance(loaded, dict):
        raise ArticleError("front matter is not a YAML mapping")
    meta: dict[str, object] = {}
    for k, v in loaded.items():
        key = _FM_KEYS.get(str(k).strip().lower())
        if key and v is not None and key not in meta:
            meta[key] = v
    return meta, m.end()


def read_markdown(path: Path, source: str) -> Article:
    meta, body_start = front_matter(source)
    if meta.get("date") is not None and as_date(meta["date"]) is None:
        raise ArticleError(f"front matter: date {str(meta['date'])[:40]!r} is not a calendar date (write YYYY-MM-DD)")
    title = str(meta.get("title") or "").strip()
    raw, meta_tail = split_enp_tail(source, raw_lines(source, body_start))
    body = digest(group_lines(source_lines(source, body_start, raw, markdown=True)), title=title or None)
    if not title:
        title = body.title
    paper = str(meta["source"]).strip() if meta.get("source") else (meta_tail.get("paper") or body.paper)
    url = str(meta["url"]).strip() if meta.get("url") else meta_tail.get("url")
    if meta.get("id"):
        sid = source_id(paper, str(meta["id"]).strip())
    elif url:
        sid = url
    else:
        sid = source_id(paper, path.stem)
    page = str(meta["page"]).strip() if meta.get("page") is not None else None
    return Article(
        path=str(path), source=source, encoding="", sha256="", format="markdown",
        published=as_date(meta.get("date")) or as_date(meta_tail.get("date")) or body.published,
        title=title, source_id=sid, paragraphs=body.paragraphs, headings=body.headings,
        paper=paper, url=url, region=str(meta["region"]).strip() if meta.get("region") else None,
        edition=page or meta_tail.get("edition"), page=meta_tail.get("page"),
    )
