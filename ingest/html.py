"""The HTML reader's public names, as the rest of zone imports them (from ingest.html import
read_html, parse, body_lines). The code lives in the package ingest.read: htmltree (parsing),
htmlrender (layout into lines), founder (Founder e-paper pages) and html (reading a page)."""
from __future__ import annotations

from ingest.read.html import META_DATE, META_SOURCE, META_TITLE, body_lines, read_html
from ingest.read.htmlrender import BLOCK, FURNITURE, HEADINGS, SKIP, Renderer, render
from ingest.read.htmltree import CLOSES_P, VOID, Comment, Node, Text, iter_nodes, parse, text_of

__all__ = ["META_DATE", "META_SOURCE", "META_TITLE", "body_lines", "read_html", "BLOCK", "FURNITURE", "HEADINGS", "SKIP",
           "Renderer", "render", "CLOSES_P", "VOID", "Comment", "Node", "Text", "iter_nodes", "parse",
           "text_of"]
