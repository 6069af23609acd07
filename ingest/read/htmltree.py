"""HTML -> a small tree whose text runs keep the offset of every character in the raw HTML.

The page is parsed with the standard library's html.parser, forgiving of bad nesting as
browsers are (a block start tag closes an open <p>, a <td> closes the open cell …). An
entity's decoded characters all point at its '&'.
"""
from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Iterator

# Pages nest a few dozen elements deep; deeper nesting (100,000 <div>s) is hostile. Elements
# beyond this depth keep their text but are read as children of the deepest open one, so
# building and walking the tree never recurses past Python's limit.
MAX_DEPTH = 200
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "basefont", "frame"}
# Elements a <p> cannot contain: their start tag closes an open <p>.
CLOSES_P = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table",
            "blockquote", "pre", "form", "fieldset", "figure", "hr", "address", "header", "footer", "nav", "aside", "center"}


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


_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#\d+|[A-Za-z][A-Za-z0-9]*);?")


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

    def _innermost(self, tags: set[str], barrier: frozenset[str] | set[str] = frozenset()) -> int | None:
        for i in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[i].tag
            if tag in tags:
                return i
            if tag in barrier:
                return None
        return None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID and len(self.stack) >= MAX_DEPTH:
            # Too deep: the element is not kept (its text goes to the deepest one kept), so
            # 320,000 nested <div>s cost no more than as many words.
            return
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
        depth = len(self.stack)
        self.handle_starttag(tag, attrs)
        if tag not in VOID and len(self.stack) > depth:
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
        m = _REFERENCE.match(self.source, pos)
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


def iter_nodes(node: Node) -> Iterator[Node]:
    """Every element under node, node first, in document order (an explicit stack: a nested
    generator per level made each element cost as much as its depth)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(child for child in reversed(current.children) if isinstance(child, Node))


def text_of(node: Node) -> str:
    parts: list[str] = []
    for child in node.children:
        if isinstance(child, Text):
            parts.append(child.text)
        elif isinstance(child, Node) and child.tag not in ("script", "style"):
            parts.append(text_of(child))
    return "".join(parts)



def find(root: Node, tag: str) -> list[Node]:
    return [n for n in iter_nodes(root) if n.tag == tag]


def comments_of(root: Node) -> list[Comment]:
    return [c for n in iter_nodes(root) for c in n.children if isinstance(c, Comment)]


def line_index(source: str) -> list[int]:
    """Start offset of each line ('\\n'-separated), for turning (line, column) into an offset."""
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", source))
    return starts


def offset_of(starts: list[int], lineno: int, col: int) -> int:
    return starts[lineno - 1] + col
