"""Read an HTML article page: Founder e-paper pages and ordinary news or government pages.

The page is parsed with the standard library's html.parser into a small tree whose text
runs keep the offset of every character in the raw HTML (an entity's characters point at
its '&'). The article body is, in this order: the text between the <!--enpcontent--> and
<!--/enpcontent--> markers; the <founder-content> element; the largest <article> element;
the smallest element that holds most of the page's <p> text; the <body>. Scripts, styles,
navigation, headers, footers and asides are never body text. Block elements end lines;
<br> ends a line; a data table's row is one line whose cells are separated by a tab that
points at the cell's tag. The lines then go through the same steps as a text article
(ingest.reader.group_lines and digest): web-page furniture dropped, headings found.

Metadata: the <!--enpproperty … /enpproperty--> comment (both tag variants), <meta> tags
(publishdate, PubDate, ArticleTitle, ContentSource, og:title, article:published_time, …),
<time datetime>, 发布时间/来源 lines anywhere in the page, a date in the page's URL.
"""
from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from ingest.model import Article
from ingest.reader import (
    _FOLD_TABLE, BLANK, CELL_SEPARATOR, Line, _source_id, as_date, boilerplate, digest, group_lines,
    line_index, offset_of, paper_from_meta, parse_date, parse_enpproperty, parse_loose_date,
)

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "basefont", "frame"}
# Never article text.
SKIP = {"script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "iframe", "select",
        "option", "button", "textarea", "svg", "math", "object", "embed", "canvas", "map", "audio", "video", "label",
        "input", "dialog", "menu"}
BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
         "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "form", "fieldset",
         "figure", "figcaption", "center", "address", "hr", "title", "founder-content", "body", "html", "legend",
         "details", "summary", "hgroup", "tt", "founder-title"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Elements a <p> cannot contain: their start tag closes an open <p>.
CLOSES_P = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table",
            "blockquote", "pre", "form", "fieldset", "figure", "hr", "address", "header", "footer", "nav", "aside", "center"}
# class or id words that mark page furniture.
FURNITURE = re.compile(r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumb|crumbs?|position|location|footer|foot|copyright"
                       r"|share|sharebar|bdsharebuttonbox|sidebar|related|pagination|pager|toolbar|login|search|comment"
                       r"|comments)(?:$|[\s_-])", re.I)
META_DATE = ("publishdate", "pubdate", "publish_date", "publishtime", "publish-date", "article:published_time",
             "og:published_time", "og:release_date", "firstpublishedtime", "dc.date.issued", "dc.date", "date",
             "releasedate", "maketime", "createdate", "datepublished", "sp.datepublished", "lastmodifiedtime")
META_TITLE = ("articletitle", "og:title", "title", "dc.title", "twitter:title", "headline")
META_SOURCE = ("contentsource", "source", "og:site_name", "sitename", "author", "dc.publisher", "publisher")


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    start: int
    parent: Node | None = None
    children: list[Node | Text | Comment] = field(default_factory=list)


@dataclass
class Text:
    text: str
    offsets: list[int]


@dataclass
class Comment:
    data: str
    start: int
    end: int


class _TreeBuilder(HTMLParser):
    """html.parser events -> a Node tree whose text keeps raw-HTML offsets; forgiving of bad nesting."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.starts = line_index(source)
        self.root = Node("#document", {}, 0)
        self.stack: list[Node] = [self.root]

    def _pos(self) -> int:
        line, col = self.getpos()
        return offset_of(self.starts, line, col)

    def _close_to(self, index: int) -> None:
        del self.stack[index:]

    def _innermost(self, tags: set[str], barrier: set[str] = frozenset()) -> int | None:
        for i in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[i].tag
            if tag in tags:
                return i
            if tag in barrier:
                return None
        return None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pos = self._pos()
        if tag in CLOSES_P:
            i = self._innermost({"p"}, barrier={"td", "th", "table", "li", "div", "body"})
            if i is not None:
                self._close_to(i)
        if tag == "li":
            i = self._innermost({"li"}, barrier={"ul", "ol", "table"})
            if i is not None:
                self._close_to(i)
        if tag in ("td", "th"):
            i = self._innermost({"td", "th"}, barrier={"table", "tr"})
            if i is not None:
                self._close_to(i)
        if tag == "tr":
            i = self._innermost({"tr"}, barrier={"table"})
            if i is not None:
                self._close_to(i)
        if tag in ("dt", "dd"):
            i = self._innermost({"dt", "dd"}, barrier={"dl"})
            if i is not None:
                self._close_to(i)
        node = Node(tag, {k: (v or "") for k, v in attrs}, pos, parent=self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            if tag == "br":  # </br> is read as <br> by browsers
                self.handle_starttag("br", [])
            return
        i = self._innermost({tag}, barrier={"table"} if tag not in ("table", "tr", "td", "th", "tbody", "thead", "tfoot") else set())
        if i is not None:
            self._close_to(i)

    def handle_data(self, data: str) -> None:
        pos = self._pos()
        self.stack[-1].children.append(Text(data, list(range(pos, pos + len(data)))))

    def _reference(self) -> None:
        pos = self._pos()
        m = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#\d+|[A-Za-z][A-Za-z0-9]*);?").match(self.source, pos)
        raw = m[0] if m else "&"
        decoded = html_lib.unescape(raw)
        if decoded == raw:
            self.stack[-1].children.append(Text(raw, list(range(pos, pos + len(raw)))))
        else:
            self.stack[-1].children.append(Text(decoded, [pos] * len(decoded)))

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    def handle_comment(self, data: str) -> None:
        pos = self._pos()
        self.stack[-1].children.append(Comment(data, pos, pos + len(data) + 7))


def parse(source: str) -> Node:
    builder = _TreeBuilder(source)
    builder.feed(source)
    builder.close()
    return builder.root


def iter_nodes(node: Node):
    yield node
    for child in node.children:
        if isinstance(child, Node):
            yield from iter_nodes(child)


def text_of(node: Node) -> str:
    parts: list[str] = []
    for child in node.children:
        if isinstance(child, Text):
            parts.append(child.text)
        elif isinstance(child, Node) and child.tag not in ("script", "style"):
            parts.append(text_of(child))
    return "".join(parts)


def _is_furniture(node: Node, keep_furniture: bool) -> bool:
    if node.tag in ("script", "style", "noscript", "template", "svg", "math", "head"):
        return True
    if keep_furniture:
        return False
    if node.tag in SKIP:
        return True
    if node.tag in ("body", "html", "article", "main", "founder-content"):
        return False
    words = " ".join((node.attrs.get("class", ""), node.attrs.get("id", "")))
    return bool(words.strip()) and FURNITURE.search(words) is not None


# --------------------------------------------------------------------------- rendering

_WS_RUN = re.compile(r"[\s\u00a0\u3000\u1680\u2000-\u200a\u202f\u205f]+")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


class _LineBuilder:
    """Collects characters into Lines, collapsing HTML whitespace: a whitespace run becomes one
    space between two characters that are not East Asian wide, and nothing otherwise."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.offsets: list[int] = []
        self.kind = "text"
        self.pending_space: int | None = None
        self.pre = 0
        self.in_link = 0
        self.plain = 0          # characters of the current line outside any <a>

    def add(self, text: str, offsets: list[int]) -> None:
        if self.pre:
            pos = 0
            for m in re.finditer(r"\r\n|\r|\n", text):
                self._run(text, offsets, pos, m.start())
                self.newline()
                pos = m.end()
            self._run(text, offsets, pos, len(text))
        else:
            self._run(text, offsets, 0, len(text))

    def _run(self, text: str, offsets: list[int], a: int, b: int) -> None:
        pos = a
        for m in _WS_RUN.finditer(text, a, b):
            self._word(text[pos:m.start()], offsets[pos:m.start()])
            if self.parts and self.pending_space is None:
                self.pending_space = offsets[m.start()]
            pos = m.end()
        self._word(text[pos:b], offsets[pos:b])

    def _word(self, word: str, offsets: list[int]) -> None:
        if word and _INVISIBLE.search(word):
            keep = [i for i, ch in enumerate(word) if not _INVISIBLE.match(ch)]
            word, offsets = "".join(word[i] for i in keep), [offsets[i] for i in keep]
        if not word:
            return
        if self.pending_space is not None:
            last = self.parts[-1][-1]
            if last != CELL_SEPARATOR and not _wide(last) and not _wide(word[0]):
                self.parts.append(" ")
                self.offsets.append(self.pending_space)
            self.pending_space = None
        self.parts.append(word.translate(_FOLD_TABLE))
        self.offsets.extend(offsets)
        if not self.in_link:
            self.plain += len(word)

    def separator(self, offset: int) -> None:
        """A cell boundary inside a row line."""
        self.pending_space = None
        if self.parts and self.parts[-1] != CELL_SEPARATOR:
            self.parts.append(CELL_SEPARATOR)
            self.offsets.append(offset)

    def newline(self) -> None:
        text = "".join(self.parts)
        cut = len(text.rstrip(" " + CELL_SEPARATOR))
        # A line made only of links is a menu or a list of other articles.
        if cut and self.plain:
            self.lines.append(Line(text[:cut], self.offsets[:cut], self.kind, width=0, chars=0, end=-1))
        self.parts, self.offsets, self.pending_space = [], [], None
        self.kind = "text"
        self.plain = 0

    def block(self, kind: str = "text") -> None:
        self.newline()
        if self.lines and self.lines[-1].kind != "blank":
            self.lines.append(BLANK)
        self.kind = kind


def _wide(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’—…·"


_DATA_TABLE_BLOCKERS = {"p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "li", "section", "article"}


def _is_data_table(table: Node) -> bool:
    """A table of figures, not a page layout: no blocks inside its cells, short cells."""
    rows = 0
    for node in iter_nodes(table):
        if node is table:
            continue
        if node.tag in _DATA_TABLE_BLOCKERS:
            return False
        if node.tag == "tr":
            rows += 1
        if node.tag in ("td", "th") and len(text_of(node).strip()) > 150:
            return False
    return rows >= 1


class Renderer:
    def __init__(self, keep_furniture: bool = False) -> None:
        self.out = _LineBuilder()
        self.keep_furniture = keep_furniture

    def render(self, node: Node) -> list[Line]:
        self._node(node, in_table=False)
        self.out.newline()
        return self.out.lines

    def _children(self, node: Node, in_table: bool) -> None:
        for child in node.children:
            if isinstance(child, Text):
                self.out.add(child.text, child.offsets)
            elif isinstance(child, Node):
                self._node(child, in_table)

    def _node(self, node: Node, in_table: bool) -> None:
        if _is_furniture(node, self.keep_furniture):
            return
        tag = node.tag
        if tag == "br":
            if in_table:
                self.out.add(" ", [node.start])
            else:
                self.out.newline()
            return
        if tag in ("img", "hr"):
            if tag == "hr":
                self.out.block()
            return
        if tag == "table" and _is_data_table(node):
            self.out.block()
            for row in (n for n in iter_nodes(node) if n.tag == "tr"):
                self.out.block("row")
                for cell in row.children:
                    if isinstance(cell, Node) and cell.tag in ("td", "th"):
                        self.out.separator(cell.start)
                        self._children(cell, in_table=True)
                    elif isinstance(cell, Text):
                        self.out.add(cell.text, cell.offsets)
                self.out.block()
            caption = next((n for n in node.children if isinstance(n, Node) and n.tag == "caption"), None)
            if caption is not None and not self.out.lines:
                self._children(caption, in_table=False)
            return
        if tag == "a":
            self.out.in_link += 1
            self._children(node, in_table)
            self.out.in_link -= 1
            return
        if tag in BLOCK:
            kind = "heading" if tag in HEADINGS else "item" if tag == "li" else "text"
            self.out.block(kind)
            if tag == "pre":
                self.out.pre += 1
            self._children(node, in_table)
            if tag == "pre":
                self.out.pre -= 1
            self.out.block()
            return
        self._children(node, in_table)


def render(node: Node, keep_furniture: bool = False) -> list[Line]:
    return Renderer(keep_furniture).render(node)


def _clip(lines: list[Line], lo: int, hi: int) -> list[Line]:
    """The parts of lines whose characters lie in source[lo:hi]."""
    out: list[Line] = []
    for ln in lines:
        if ln.kind == "blank":
            out.append(ln)
            continue
        keep = [i for i, o in enumerate(ln.offsets) if lo <= o < hi]
        if not keep:
            continue
        text = "".join(ln.text[i] for i in keep).strip(" \t")
        if not text:
            continue
        first = next(i for i in keep if ln.text[i] not in " \t")
        last = max(i for i in keep if ln.text[i] not in " \t")
        sel = [i for i in keep if first <= i <= last]
        out.append(Line("".join(ln.text[i] for i in sel), [ln.offsets[i] for i in sel], ln.kind, end=-1))
    return out


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
    if not _is_furniture(node, False):
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


def _find(root: Node, tag: str) -> list[Node]:
    return [n for n in iter_nodes(root) if n.tag == tag]


def body_lines(root: Node) -> tuple[list[Line], str]:
    """The article body's lines and how it was found (enpcontent, founder-content, article, p-text, body)."""
    comments = [c for n in iter_nodes(root) for c in n.children if isinstance(c, Comment)]
    opening = next((c for c in comments if c.data.strip().lower() == "enpcontent"), None)
    if opening is not None:
        closing = next((c for c in comments if c.data.strip().lower() == "/enpcontent" and c.start > opening.start), None)
        hi = closing.start if closing else 10**12
        lines = _clip(render(root), opening.end, hi)
        if any(ln.kind != "blank" for ln in lines):
            return lines, "enpcontent"
    for tag in ("founder-content", "article"):
        found = sorted(_find(root, tag), key=lambda n: -len(re.sub(r"\s+", "", text_of(n))))
        if found and len(re.sub(r"\s+", "", text_of(found[0]))) >= 20:
            return render(found[0]), tag
    body = next(iter(_find(root, "body")), root)
    densest = _densest(body)
    if densest is not body:
        return render(densest), "p-text"
    return render(body), "body"


# --------------------------------------------------------------------------- metadata

def _meta_tags(root: Node) -> dict[str, str]:
    meta: dict[str, str] = {}
    for node in _find(root, "meta"):
        key = (node.attrs.get("name") or node.attrs.get("property") or node.attrs.get("itemprop")
               or node.attrs.get("http-equiv") or "").strip().lower()
        value = html_lib.unescape(node.attrs.get("content", "")).strip()
        if key and value and key not in meta:
            meta[key] = value
    return meta


def _page_title(root: Node) -> str:
    node = next(iter(_find(root, "title")), None)
    if node is None:
        return ""
    title = re.sub(r"\s+", " ", text_of(node)).strip()
    part = re.split(r"\s*(?:_|\||｜|--|—|－| - )\s*", title)[0].strip()
    return part if len(part) >= 4 else title


def read_html(path: Path, source: str) -> Article:
    root = parse(source)
    comments = [c for n in iter_nodes(root) for c in n.children if isinstance(c, Comment)]
    enp_comment = next((c for c in comments if c.data.lstrip().lower().startswith("enpproperty")), None)
    enp = parse_enpproperty("<!--" + enp_comment.data + "-->") if enp_comment else {}
    founder = bool(enp) or any(c.data.strip().lower() == "enpcontent" for c in comments) or bool(_find(root, "founder-content"))
    meta = _meta_tags(root)

    lines, _how = body_lines(root)

    title = enp.get("title") or next((meta[k] for k in META_TITLE if meta.get(k)), "")
    if not title:
        for tag in ("founder-title", "h1"):
            node = next((n for n in _find(root, tag) if text_of(n).strip()), None)
            if node is not None:
                title = re.sub(r"\s+", " ", text_of(node)).strip()
                break
    if not title:
        title = _page_title(root)
    title = re.sub(r"\s+", " ", html_lib.unescape(title)).strip()

    body = digest(group_lines(lines), title=title or None)
    title = title or body.title

    url = enp.get("url") or meta.get("og:url") or None
    published: date | None = as_date(enp.get("date"))
    if published is None:
        published = next((d for k in META_DATE if (d := parse_loose_date(meta.get(k, "")))), None)
    if published is None:
        for node in _find(root, "time"):
            published = parse_loose_date(node.attrs.get("datetime", "") or text_of(node))
            if published:
                break
    if published is None:
        published = body.published
    paper = enp.get("paper") or next((meta[k] for k in META_SOURCE if meta.get(k) and k != "author"), None)
    if published is None or paper is None:
        # Dates and sources often stand in the page header or footer, outside the body.
        for ln in render(root, keep_furniture=True):
            if ln.kind == "blank" or boilerplate(ln.text) != "meta":
                continue
            if published is None and re.search(r"发布|发表|日期|时间|更新", ln.text):
                published = parse_date(ln.text)
            paper = paper or paper_from_meta(ln.text)
    paper = paper or body.paper
    if paper is None and founder:
        # An e-paper page's <title> names the paper: 临河日报数字报, 北湖日报-电子版.
        node = next(iter(_find(root, "title")), None)
        m = re.search(r"[\u4e00-\u9fff]{2,10}?(?:日报|晚报|早报|时报|商报|特区报|报)", text_of(node)) if node else None
        paper = m[0] if m else None
    if published is None and url:
        published = parse_loose_date(url)

    page = enp.get("page") or (url.rsplit("/", 1)[-1] if url else None)
    stem = Path(page).stem if page else None
    if paper and stem:
        source_id = _source_id(paper, stem)
    elif paper and enp.get("articleid"):
        source_id = _source_id(paper, enp["articleid"])
    elif url:
        source_id = url
    else:
        source_id = _source_id(paper, path.stem)
    return Article(
        path=str(path), source=source, encoding="", sha256="", format="founder-html" if founder else "html",
        published=published,  # type: ignore[arg-type]
        title=title, source_id=source_id, paragraphs=body.paragraphs, headings=body.headings,
        paper=paper, edition=enp.get("edition"), page=page, url=url,
    )


__all__ = ["read_html", "parse", "render", "body_lines"]
