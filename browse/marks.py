"""Links to zone's pages and figures marked in text (a sentence, an article).

Text from articles is only ever put into HTML here through ``markupsafe.escape``: marks and
links are built around escaped text, never from it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Sequence
from urllib.parse import quote

from markupsafe import Markup, escape

from common.formatting import format_value

DB = "zone"


# --- links --------------------------------------------------------------------------------

def figure_url(figure_id: Any) -> str:
    return f"/{DB}/figure/{int(figure_id)}"


def article_url(article_id: Any, paragraph: Any = None, figure_id: Any = None) -> str:
    anchor = f"#f{int(figure_id)}" if figure_id is not None else (f"#p{int(paragraph)}" if paragraph else "")
    return f"/{DB}/article/{int(article_id)}{anchor}"


def indicator_url(indicator_id: str) -> str:
    # Datasette's row URLs tilde-encode the key; indicator ids are slugs (a-z, 0-9, _).
    return f"/{DB}/indicator/{quote(str(indicator_id), safe='')}"


def region_url(region_id: Any) -> str:
    return f"/{DB}/region/{int(region_id)}"


# --- values -------------------------------------------------------------------------------------

def shown_value(row: dict[str, Any], value_key: str = "value") -> str:
    """A figure's value as every display of zone writes it (common.formatting): 32.21亿元,
    1.45万人, a derived value rounded once, a range with one magnitude."""
    return format_value(row.get(value_key), row.get("unit") or "", derived=row.get("origin") == "derived",
                        value_max=row.get("value_max") if value_key == "value" else None)


# --- marking figures in text ------------------------------------------------------------------

@dataclass(frozen=True)
class Span:
    start: int
    end: int
    figure_id: int
    title: str = ""
    css: str = "zone-fig"


def marked(text: str, spans: Iterable[Span], linked: bool = True, anchors: bool = False) -> Markup:
    """``text`` escaped, each span wrapped in <mark> (linked to its figure's page); spans that
    overlap an earlier one are left out."""
    out: list[str] = []
    pos = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start < pos or span.end <= span.start or span.end > len(text):
            continue
        out.append(str(escape(text[pos:span.start])))
        inner = escape(text[span.start:span.end])
        anchor = f' id="f{span.figure_id}"' if anchors else ""
        title = f' title="{escape(span.title)}"' if span.title else ""
        if linked:
            inner = Markup(f'<a href="{figure_url(span.figure_id)}">{inner}</a>')
        out.append(f'<mark class="{span.css}"{anchor}{title}>{inner}</mark>')
        pos = span.end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def mark_word(text: str | None, word: str | None) -> Markup:
    """``text`` escaped with the first occurrence of ``word`` marked (a table cell's sentence)."""
    text = text or ""
    if not word or word not in text:
        return escape(text)
    i = text.index(word)
    return Markup(f"{escape(text[:i])}<mark>{escape(word)}</mark>{escape(text[i + len(word):])}")


def article_body(text: str, figures: Sequence[dict[str, Any]]) -> Markup:
    """The article's text as paragraphs (one per line), escaped, every figure marked and linked.

    A line gets id="p{n}" for the paragraph number n its figures were extracted from (the
    extractor numbers title, headings and paragraphs), so links to #p{n} land on it; each
    figure's mark has id="f{figure id}".
    """
    out: list[str] = []
    pos = 0
    seen_paragraphs: set[int] = set()
    skip_to = _front_matter_end(text)
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        if start == end or not line.strip() or end <= skip_to or (
                line.rstrip().endswith("/enpproperty-->") and not any(start <= f["start"] < end for f in figures)):
            continue   # the YAML front matter and an e-paper's metadata tail are not the article
        inside = [f for f in figures if start <= f["start"] and f["end"] <= end]
        spans = [Span(f["start"] - start, f["end"] - start, f["id"], span_title(f),
                      "zone-fig rejected" if f.get("rejected") else "zone-fig") for f in inside]
        paragraphs = sorted({f["paragraph"] for f in inside if f.get("paragraph")} - seen_paragraphs)
        seen_paragraphs.update(paragraphs)
        pid = f' id="p{paragraphs[0]}"' if paragraphs else ""
        out.append(f"<p{pid}>{marked(line[:end - start], spans, anchors=True)}</p>")
    return Markup("\n".join(out))


def _front_matter_end(text: str) -> int:
    """Where a leading YAML front-matter block (--- … ---) ends, else 0."""
    body = text.lstrip("\ufeff")
    if not body.startswith("---"):
        return 0
    close = body.find("\n---", 3)
    return 0 if close < 0 else len(text) - len(body) + close + 4


def span_title(f: dict[str, Any]) -> str:
    """A marked figure's tooltip: its value as shown, subject and period words."""
    words = [shown_value(f), f.get("subject") or "", f.get("period_label") or ""]
    if f.get("rejected"):
        words.append("rejected by a reviewer")
    return " · ".join(w for w in words if w)
