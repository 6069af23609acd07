"""Read an HTML article page: Founder e-paper pages (see ingest.read.founder) and ordinary news
or government pages.

The page is parsed into a tree that keeps raw-HTML offsets (ingest.read.htmltree) and laid
out into lines (ingest.read.htmlrender). The article body is, in this order: the text between
the <!--enpcontent--> and <!--/enpcontent--> markers; the <founder-content> element; the
largest <article> element; the smallest element that holds most of the page's <p> text; the
<body>. The lines then go through the same steps as a text article (group_lines and digest):
web-page furniture dropped, headings found.

Metadata: the <!--enpproperty … /enpproperty--> comment (both tag variants), <meta> tags
(publishdate, PubDate, ArticleTitle, ContentSource, og:title, article:published_time, …),
<time datetime>, 发布时间/来源 lines anywhere in the page, a date in the page's URL.
"""
from __future__ import annotations

import html as html_lib
import re
from datetime import date
from pathlib import Path

from ingest.model import Article
from ingest.read.body import Body, digest
from ingest.read.boilerplate import PUBLISH_WORDS, boilerplate, paper_from_meta
from ingest.read.dates import as_date, parse_date, parse_loose_date
from ingest.read.founder import FOUNDER_CONTENT, enpcontent_lines, founder_page, paper_from_title
from ingest.read.htmlrender import is_furniture, render
from ingest.read.htmltree import Node, find, iter_nodes, parse, text_of
from ingest.read.offsets import Line
from ingest.read.text import source_id
from ingest.read.units import group_lines

META_DATE = ("publishdate", "pubdate", "publish_date", "publishtime", "publish-date", "article:published_time",
             "og:published_time", "og:release_date", "firstpublishedtime", "dc.date.issued", "dc.date", "date",
             "releasedate", "maketime", "createdate", "datepublished", "sp.datepublished", "lastmodifiedtime")
META_TITLE = ("articletitle", "og:title", "title", "dc.title", "twitter:title", "headline")
META_SOURCE = ("contentsource", "source", "og:site_name", "sitename", "author", "dc.publisher", "publisher")


# --------------------------------------------------------------------------- body selection

def _p_weight(p: Node) -> int:
    """Characters of a <p> that count towards finding the body: not link text, not a short label."""
    own = len(re.sub(r"\s+", "", text_of(p)))
    links = sum(len(re.sub(r"\s+", "", text_of(a))) for a in iter_nodes(p) if a.tag == "a")
    own -= links
    return own if own >= 10 else 0


def _p_text(node: Node, memo: dict[int, int]) -> int:
    """Weight of the <p> text under node, furniture left out."""
    if id(node) in memo:
        return memo[id(node)]
    total = 0
    if not is_furniture(node, False):
        for child in node.children:
            if isinstance(child, Node):
                total += _p_weight(child) if child.tag == "p" else _p_text(child, memo)
    memo[id(node)] = total
    return total


def _densest(root: Node) -> Node:
    """The smallest element holding at least 75% of the <p> text under root."""
    memo: dict[int, int] = {}
    total = _p_text(root, memo)
    if total == 0:
        return root
    node = root
    while True:
        nxt = next((c for c in node.children if isinstance(c, Node) and c.tag != "p" and _p_text(c, memo) >= 0.75 * total), None)
        if nxt is None:
            return node
        node = nxt


def body_lines(root: Node) -> tuple[list[Line], str]:
    """The article body's lines and how it was found (enpcontent, founder-content, article, p-text, body)."""
    lines = enpcontent_lines(root)
    if lines is not None:
        return lines, "enpcontent"
    for tag in (FOUNDER_CONTENT, "article"):
        found = sorted(find(root, tag), key=lambda n: -len(re.sub(r"\s+", "", text_of(n))))
        if found and len(re.sub(r"\s+", "", text_of(found[0]))) >= 20:
            return render(found[0]), tag
    body = next(iter(find(root, "body")), root)
    densest = _densest(body)
    if densest is not body:
        return render(densest), "p-text"
    return render(body), "body"


# --------------------------------------------------------------------------- metadata

def _meta_tags(root: Node) -> dict[str, str]:
    meta: dict[str, str] = {}
    for node in find(root, "meta"):
        key = (node.attrs.get("name") or node.attrs.get("property") or node.attrs.get("itemprop")
               or node.attrs.get("http-equiv") or "").strip().lower()
        value = html_lib.unescape(node.attrs.get("content", "")).strip()
        if key and value and key not in meta:
            meta[key] = value
    return meta


def _page_title(root: Node) -> str:
    node = next(iter(find(root, "title")), None)
    if node is None:
        return ""
    title = re.sub(r"\s+", " ", text_of(node)).strip()
    part = re.split(r"\s*(?:_|\||｜|--|—|－| - )\s*", title)[0].strip()
    return part if len(part) >= 4 else title


def _title(root: Node, enp: dict[str, str], meta: dict[str, str]) -> str:
    """The title the page states: enpproperty, <meta>, <founder-title> or <h1>, <title>; "" when none."""
    title = enp.get("title") or next((meta[k] for k in META_TITLE if meta.get(k)), "")
    if not title:
        for tag in ("founder-title", "h1"):
            node = next((n for n in find(root, tag) if text_of(n).strip()), None)
            if node is not None:
                title = re.sub(r"\s+", " ", text_of(node)).strip()
                break
    if not title:
        title = _page_title(root)
    return re.sub(r"\s+", " ", html_lib.unescape(title)).strip()


def _stated_date(root: Node, enp: dict[str, str], meta: dict[str, str]) -> date | None:
    """The publication date in the page's metadata: enpproperty, <meta>, <time>."""
    published: date | None = as_date(enp.get("date"))
    if published is None:
        published = next((d for k in META_DATE if (d := parse_loose_date(meta.get(k, "")))), None)
    if published is None:
        for node in find(root, "time"):
            published = parse_loose_date(node.attrs.get("datetime", "") or text_of(node))
            if published:
                break
    return published


def _date_and_paper(root: Node, enp: dict[str, str], meta: dict[str, str], body: Body, founder: bool,
                    url: str | None) -> tuple[date | None, str | None]:
    published = _stated_date(root, enp, meta)
    if published is None:
        published = body.published
    paper = enp.get("paper") or next((meta[k] for k in META_SOURCE if meta.get(k) and k != "author"), None)
    if published is None or paper is None:
        # Dates and sources often stand in the page header or footer, outside the body.
        for ln in render(root, keep_furniture=True):
            if ln.kind == "blank" or boilerplate(ln.text) != "meta":
                continue
            if published is None and PUBLISH_WORDS.search(ln.text):
                published = parse_date(ln.text)
            paper = paper or paper_from_meta(ln.text)
    paper = paper or body.paper
    if paper is None and founder:
        paper = paper_from_title(root)
    if published is None and url:
        published = parse_loose_date(url)
    return published, paper


def _source_id(path: Path, enp: dict[str, str], paper: str | None, page: str | None, url: str | None) -> str:
    stem = Path(page).stem if page else None
    if paper and stem:
        return source_id(paper, stem)
    if paper and enp.get("articleid"):
        return source_id(paper, enp["articleid"])
    if url:
        return url
    return source_id(paper, path.stem)


def read_html(path: Path, source: str) -> Article:
    root = parse(source)
    enp, founder = founder_page(root)
    meta = _meta_tags(root)

    lines, _how = body_lines(root)

    title = _title(root, enp, meta)
    body = digest(group_lines(lines), title=title or None)
    title = title or body.title

    url = enp.get("url") or meta.get("og:url") or None
    published, paper = _date_and_paper(root, enp, meta, body, founder, url)
    page = enp.get("page") or (url.rsplit("/", 1)[-1] if url else None)
    return Article(
        path=str(path), source=source, encoding="", sha256="", format="founder-html" if founder else "html",
        published=published,
        title=title, source_id=_source_id(path, enp, paper, page, url), paragraphs=body.paragraphs,
        headings=body.headings, paper=paper, edition=enp.get("edition"), page=page, url=url,
    )
