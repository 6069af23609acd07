"""Which reader reads a file: markdown, html (Founder e-paper or other pages), epaper-text or text.

Front matter wins over the file name (a .txt with front matter is Markdown), then the name
(.md, .html …), then the text's own shape.
"""
from __future__ import annotations

import re
from pathlib import Path

from ingest.read.dates import parse_date
from ingest.read.enp import EDITION
from ingest.read.markdown import FRONT_MATTER, MARKDOWN_SUFFIXES

HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")


def detect_format(path: Path, source: str) -> str:
    """'markdown', 'html', 'epaper-text' or 'text'; whether a page is founder-html the HTML reader decides."""
    suffix = path.suffix.lower()
    if FRONT_MATTER.match(source) or suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES or looks_like_html(source):
        return "html"
    if is_epaper_text(source):
        return "epaper-text"
    return "text"


def looks_like_html(source: str) -> bool:
    head = source[:4096]
    if re.search(r"<(?:!doctype\s+html|html|head|body|meta)\b", head, re.I):
        return True
    return len(re.findall(r"</?(?:p|div|br|table|span|td)\b[^>]*>", head, re.I)) >= 4


def is_epaper_text(source: str) -> bool:
    """A date line first, then an edition line or, at the end, the enpproperty comment."""
    first = [ln.strip() for ln in source.lstrip().splitlines()[:3] if ln.strip()]
    if not first or len(first[0]) > 24 or not parse_date(first[0]):
        return False
    return "enpproperty" in source[-2000:] or (len(first) > 1 and bool(EDITION.match(first[1])))
