"""An HTML tree -> Lines of body text, as a browser would lay them out.

Scripts, styles, navigation, headers, footers and asides are never body text. Block
elements end lines; <br> ends a line; a data table's row is one line whose cells are
separated by a tab that points at the cell's tag. HTML whitespace collapses: a run becomes
one space between two characters that are not East Asian wide, and nothing otherwise.
"""
from __future__ import annotations

import re

from ingest.read.htmltree import Node, Text, iter_nodes, text_of
from ingest.read.lines import NEWLINE
from ingest.read.offsets import BLANK, CELL_SEPARATOR, Line
from ingest.read.text import FOLD_TABLE, INVISIBLE

# Never article text.
SKIP = {"script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "iframe", "select",
        "option", "button", "textarea", "svg", "math", "object", "embed", "canvas", "map", "audio", "video", "label",
        "input", "dialog", "menu"}
BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
         "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "form", "fieldset",
         "figure", "figcaption", "center", "address", "hr", "title", "founder-content", "body", "html", "legend",
         "details", "summary", "hgroup", "tt", "founder-title"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# class or id words that mark page furniture.
FURNITURE = re.compile(r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumb|crumbs?|position|location|footer|foot|copyright"
                       r"|share|sharebar|bdsharebuttonbox|sidebar|related|pagination|pager|toolbar|login|search|comment"
                       r"|comments)(?:$|[\s_-])", re.I)


def is_furniture(node: Node, keep_furniture: bool) -> bool:
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


_WS_RUN = re.compile(r"[\s\u00a0\u3000\u1680\u2000-\u200a\u202f\u205f]+")


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
            for m in NEWLINE.finditer(text):
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
        if word and INVISIBLE.search(word):
            keep = [i for i, ch in enumerate(word) if not INVISIBLE.match(ch)]
            word, offsets = "".join(word[i] for i in keep), [offsets[i] for i in keep]
        if not word:
            return
        if self.pending_space is not None:
            last = self.parts[-1][-1]
            if last != CELL_SEPARATOR and not _wide(last) and not _wide(word[0]):
                self.parts.append(" ")
                self.offsets.append(self.pending_space)
            self.pending_space = None
        self.parts.append(word.translate(FOLD_TABLE))
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
        if is_furniture(node, self.keep_furniture):
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

