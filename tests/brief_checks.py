"""Checks shared by the brief tests: what a PDF says (pdftotext), whether its fonts are
embedded (pdffonts), pages as PNG (pdftoppm), and the English brief's rule that Chinese
appears only in quotes from the sources (elements marked lang="zh")."""
from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# A run of Chinese text as pdftotext prints it (CJK and the punctuation between).
CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff][\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’]*")
VOID = {"br", "col", "meta", "link", "img", "circle", "line", "rect", "path", "polyline", "hr", "input"}
# Where the test run leaves the page images it rendered, to be looked at.
PAGES = Path(__file__).resolve().parent.parent / "out" / "test-pages"

needs_poppler = pytest.mark.skipif(not all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdftoppm")),
                                   reason="poppler-utils not installed")


class _Quotes(HTMLParser):
    """Splits a document's text into what is inside lang="zh" elements (quotes from the
    sources) and what is not (the brief's own words), and notes attributes with Chinese."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.quoted: list[str] = []
        self.own: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.attributes += [v for k, v in attrs if v and CJK.search(v) and k not in ("href",)]
        if tag not in VOID:
            self.stack.append(values.get("lang") == "zh" or (bool(self.stack) and self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        (self.quoted if self.stack and self.stack[-1] else self.own).append(data)


def split_quotes(html: str) -> _Quotes:
    parser = _Quotes()
    parser.feed(html)
    return parser


def chinese_outside_quotes(html: str) -> list[str]:
    """Pieces of Chinese text in the brief's own words (not in a lang="zh" quote)."""
    parts = split_quotes(html)
    return [t.strip() for t in parts.own if CJK.search(t)] + parts.attributes


def squeeze(text: str) -> str:
    return "".join(text.split())


def pdf_chinese_not_quoted(pdf: Path, html: str) -> list[str]:
    """Runs of Chinese in the PDF's text that are not part of a quote of the HTML it was made from."""
    marks = str.maketrans("", "", "“”‘’")       # quotation marks the stylesheet puts around quotes
    quoted = squeeze("".join(split_quotes(html).quoted)).translate(marks)
    runs = [squeeze(r).translate(marks) for r in CJK_RUN.findall(pdf_text(pdf, layout=False))]
    return [r for r in runs if r and r not in quoted]


def pdf_text(pdf: Path, layout: bool = True) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_pages(pdf: Path) -> list[str]:
    return pdf_text(pdf).split("\f")


def fonts_embedded(pdf: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font of the PDF."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    # columns: name type [encoding...] emb sub uni object ID; emb is the fifth from the end
    return [(r[0], r[-5] == "yes") for r in rows]


def save_pages(pdf: Path, name: str, dpi: int = 60) -> list[Path]:
    """Every page as a PNG under out/test-pages/NAME-N.png (kept after the run, to be looked at)."""
    PAGES.mkdir(parents=True, exist_ok=True)
    for old in PAGES.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(PAGES / name)], check=True)
    return sorted(PAGES.glob(f"{name}-*.png"))


def lines_break_no_value(pdf: Path, values: list[str]) -> list[str]:
    """Values (as the brief writes them, e.g. 34微克/立方米) that the PDF does not show whole
    on one line: a table cell broke inside the number or its unit."""
    lines = [squeeze(line) for line in pdf_text(pdf).splitlines()]
    text = "\n".join(lines)
    return [v for v in values if squeeze(v) not in text]
