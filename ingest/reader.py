"""Read an article file into an Article: decode, recognise the format, find metadata,
and cut the body into paragraphs whose characters map back to the file's text.

Formats:
- epaper-text: the text of a Founder e-paper page, as in the seed: a date line
  (2022年08月10日), an edition line (第08版:08), the title, the body, and the page's
  metadata comment with its tags stripped, ending in ``/enpproperty-->``.
- markdown: .md or .txt with a YAML front-matter block (title, date, source, url, region).
- text: anything else that reads as text and carries a date somewhere we can find it.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from ingest.model import Article, ArticleError, Paragraph

# Characters that end a sentence: a line ending in one of these is running text, not a heading.
SENTENCE_END = "。！？!?；;…”\"」』"
HEADING_MAX = 40

_DATE_CN = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_DATE_ISO = re.compile(r"(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})")
_EDITION = re.compile(r"^\s*第\s*\S+\s*版")
_CONTINUATION = re.compile(r"^\s*[（(]\s*(?:上|下)接第\S+版\s*[)）]\s*$")
_ENP_TAIL = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})\s+\S+\s+\S+\s+(?P<paper>\S+)\s+(?P<page>\S+\.html?)\s+\S+\s+(?P<title>.*?)\s*/enpproperty-->\s*$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass(frozen=True)
class Overrides:
    """Metadata the user supplies on the command line; it wins over what the file says."""

    date: date | None = None
    title: str | None = None
    source: str | None = None
    region: str | None = None


def decode(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding). Raises ArticleError for empty, binary or undecodable input."""
    if not data.strip():
        raise ArticleError("empty file")
    if b"\x00" in data:
        raise ArticleError("binary file (contains NUL bytes), not article text")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise ArticleError(f"has a UTF-8 byte-order mark but invalid UTF-8 at byte {e.start + 3}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise ArticleError("text is neither UTF-8 nor GB18030") from None
    if _control_ratio(text) > 0.01:
        raise ArticleError("binary file (decodes only to control characters), not article text")
    return text, "gb18030"


def _control_ratio(text: str) -> float:
    bad = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\r\n\t\f")
    return bad / max(len(text), 1)


def fold(ch: str) -> str:
    """Fold a full-width digit, letter or numeric sign to ASCII, one character to one."""
    if "\uff01" <= ch <= "\uff5e" and ch not in "，：；！？（）":
        folded = unicodedata.normalize("NFKC", ch)
        if len(folded) == 1:
            return folded
    if ch in "\u3000\u00a0":
        return " "
    return ch


def make_paragraph(source: str, start: int, end: int, index: int, section: str | None) -> Paragraph:
    """A paragraph over source[start:end], dropping line breaks and the indentation around them."""
    chars: list[str] = []
    offsets: list[int] = []
    i = start
    while i < end:
        ch = source[i]
        if ch in "\r\n":
            # Hard-wrapped line: join without a space (Chinese has none between words),
            # dropping indentation on both sides of the break.
            while chars and chars[-1] in " \t":
                chars.pop()
                offsets.pop()
            i += 1
            while i < end and source[i] in " \t\u3000\r\n":
                i += 1
            continue
        chars.append(fold(ch))
        offsets.append(i)
        i += 1
    # Trim leading and trailing blanks (full-width indentation is common in Chinese text).
    lo, hi = 0, len(chars)
    while lo < hi and chars[lo] in " \t":
        lo += 1
    while hi > lo and chars[hi - 1] in " \t":
        hi -= 1
    return Paragraph(index=index, text="".join(chars[lo:hi]), offsets=tuple(offsets[lo:hi]), section=section)


def _lines(source: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each line of source[start:end], without its line break."""
    end = len(source) if end is None else end
    spans = []
    for m in re.finditer(r"[^\r\n]*", source[start:end]):
        if m.start() == m.end() and m.start() > 0 and source[start + m.start() - 1] not in "\r\n":
            continue  # the empty match right after a line's text
        spans.append((start + m.start(), start + m.end()))
    return spans


def looks_like_heading(text: str) -> bool:
    text = text.strip()
    if not text or len(text) > HEADING_MAX:
        return False
    return text[-1] not in SENTENCE_END and text[-1] not in ",，:：、"


def split_body(source: str, start: int, end: int, skip: set[str] = frozenset()) -> tuple[list[Paragraph], list[Paragraph]]:
    """Cut source[start:end] into paragraphs and headings.

    Blank lines separate blocks. Inside a block, a line that ends a sentence ends its
    paragraph, and a short line without closing punctuation is a heading; other lines
    are hard-wrapped continuations of the next.
    """
    paragraphs: list[Paragraph] = []
    headings: list[Paragraph] = []
    section: str | None = None
    block_start: int | None = None
    prev_end = start

    def flush(b_start: int, b_end: int) -> None:
        nonlocal section
        p = make_paragraph(source, b_start, b_end, len(paragraphs) + 1, section)
        if not p.text or p.text in skip or _CONTINUATION.match(p.text):
            return
        if looks_like_heading(p.text):
            section = p.text
            headings.append(Paragraph(index=len(headings) + 1, text=p.text, offsets=p.offsets, section=None))
            return
        paragraphs.append(p)

    for l_start, l_end in _lines(source, start, end):
        line = source[l_start:l_end].strip(" \t\u3000")
        if not line:
            if block_start is not None:
                flush(block_start, prev_end)
                block_start = None
            continue
        if block_start is None:
            block_start = l_start
        elif looks_like_heading(line) or _prev_line_closed(source, block_start, prev_end):
            flush(block_start, prev_end)
            block_start = l_start
        prev_end = l_end
    if block_start is not None:
        flush(block_start, prev_end)
    return paragraphs, headings


def _prev_line_closed(source: str, block_start: int, prev_end: int) -> bool:
    """Whether the text gathered so far ends a paragraph (a closed sentence or a heading-like line)."""
    gathered = source[block_start:prev_end].rstrip(" \t\u3000")
    if not gathered:
        return False
    last_line = re.split(r"[\r\n]", gathered)[-1].strip(" \t\u3000")
    return gathered[-1] in SENTENCE_END or looks_like_heading(last_line)


def parse_date(text: str) -> date | None:
    for pattern in (_DATE_CN, _DATE_ISO):
        m = pattern.search(text)
        if m:
            try:
                return date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
    return None


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_date(value)
    return None


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
    head = source.lstrip("\ufeff")[:4096].lower()
    if _FRONT_MATTER.match(source):
        article = _read_markdown(path, source)
    elif "<html" in head or "<!doctype" in head or "<!--enpproperty" in head or "<body" in head:
        from ingest.html import read_html  # HTML needs its own parser; keep text paths light

        article = read_html(path, source)
    elif _DATE_CN.match(source.lstrip("\ufeff \t\r\n")) and "/enpproperty-->" in source:
        article = _read_epaper_text(path, source)
    else:
        article = _read_text(path, source)
    article.encoding = encoding
    article.sha256 = sha
    _apply(article, overrides, path)
    if not article.paragraphs:
        raise ArticleError("no article text found")
    return article


def _apply(article: Article, overrides: Overrides, path: Path) -> None:
    if overrides.date:
        article.published = overrides.date
    if overrides.title:
        article.title = overrides.title
    if overrides.source:
        article.paper = overrides.source
    if overrides.region:
        article.region = overrides.region
    if article.published is None:
        found = parse_date(path.name)
        if found is None:
            raise ArticleError("no recognisable publication date (give one with --date YYYY-MM-DD)")
        article.published = found
    if not article.title:
        article.title = article.headings[0].text if article.headings else path.stem


def _read_epaper_text(path: Path, source: str) -> Article:
    lines = _lines(source)
    meta: dict[str, str] = {}
    body_end = len(source)
    for l_start, l_end in reversed(lines):
        line = source[l_start:l_end]
        if not line.strip():
            continue
        m = _ENP_TAIL.match(line.strip())
        if "/enpproperty-->" in line:
            body_end = l_start
            if m:
                meta = m.groupdict()
        break
    nonblank = [(s, e) for s, e in lines if source[s:e].strip() and s < body_end]
    published = parse_date(source[nonblank[0][0]:nonblank[0][1]]) if nonblank else None
    edition = None
    pos = 1
    if len(nonblank) > pos and _EDITION.match(source[nonblank[pos][0]:nonblank[pos][1]]):
        edition = source[nonblank[pos][0]:nonblank[pos][1]].strip()
        pos += 1
    title = source[nonblank[pos][0]:nonblank[pos][1]].strip() if len(nonblank) > pos else ""
    body_start = nonblank[pos][1] if len(nonblank) > pos else body_end
    paragraphs, headings = split_body(source, body_start, body_end)
    paper = meta.get("paper")
    page = meta.get("page")
    stem = Path(page).stem if page else path.stem
    return Article(
        path=str(path), source=source, encoding="", sha256="", format="epaper-text",
        published=published or (_as_date(meta.get("date")) if meta else None),  # type: ignore[arg-type]
        title=title or meta.get("title", ""), source_id=f"{paper or 'unknown'}/{stem}",
        paragraphs=paragraphs, headings=headings, paper=paper, edition=edition, page=page,
    )


def _read_markdown(path: Path, source: str) -> Article:
    m = _FRONT_MATTER.match(source)
    assert m
    try:
        meta = yaml.safe_load(m["yaml"]) or {}
    except yaml.YAMLError as e:
        raise ArticleError(f"front matter is not valid YAML ({e.__class__.__name__})") from None
    if not isinstance(meta, dict):
        raise ArticleError("front matter is not a YAML mapping")
    # Markdown headings and emphasis markers are not text; make_paragraph keeps offsets true.
    paragraphs, headings = split_body(source, m.end(), len(source))
    paragraphs, headings = _strip_markdown(paragraphs, headings)
    title = str(meta.get("title") or "")
    paper = meta.get("source")
    url = meta.get("url")
    source_id = str(meta.get("id") or url or f"{paper or 'unknown'}/{path.stem}")
    return Article(
        path=str(path), source=source, encoding="", sha256="", format="markdown",
        published=_as_date(meta.get("date")),  # type: ignore[arg-type]
        title=title, source_id=source_id, paragraphs=paragraphs, headings=headings,
        paper=str(paper) if paper else None, url=str(url) if url else None,
        region=str(meta["region"]) if meta.get("region") else None,
        edition=str(meta["page"]) if meta.get("page") else None,
    )


_MD_PREFIX = re.compile(r"^(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+\.\s+)")


def _strip_paragraph(p: Paragraph) -> Paragraph:
    m = _MD_PREFIX.match(p.text)
    text, offsets = p.text, p.offsets
    if m:
        text, offsets = text[m.end():], offsets[m.end():]
    keep = [i for i, ch in enumerate(text) if ch not in "*_`"]
    return Paragraph(index=p.index, text="".join(text[i] for i in keep),
                     offsets=tuple(offsets[i] for i in keep), section=p.section)


def _strip_markdown(paragraphs: list[Paragraph], headings: list[Paragraph]) -> tuple[list[Paragraph], list[Paragraph]]:
    out_p: list[Paragraph] = []
    out_h: list[Paragraph] = []
    section: str | None = None
    # A '#' line is always a heading, whatever its length; re-walk in document order.
    items = sorted([(p.offsets[0], "p", p) for p in paragraphs if p.offsets] +
                   [(h.offsets[0], "h", h) for h in headings if h.offsets])
    for _, what, item in items:
        is_md_heading = item.text.startswith("#")
        clean = _strip_paragraph(item)
        if what == "h" or is_md_heading:
            section = clean.text
            out_h.append(Paragraph(index=len(out_h) + 1, text=clean.text, offsets=clean.offsets))
        else:
            out_p.append(Paragraph(index=len(out_p) + 1, text=clean.text, offsets=clean.offsets, section=section))
    return out_p, out_h


def _read_text(path: Path, source: str) -> Article:
    paragraphs, headings = split_body(source, 0, len(source))
    first_lines = source[:400]
    published = parse_date(first_lines)
    title = ""
    # A plain text's first short line is its title when it is not the date line.
    for h in headings:
        if not parse_date(h.text):
            title = h.text
            break
    paragraphs = [p for p in paragraphs if not (parse_date(p.text) and len(p.text) < 30)]
    return Article(
        path=str(path), source=source, encoding="", sha256="", format="text",
        published=published,  # type: ignore[arg-type]
        title=title, source_id=f"file/{path.stem}", paragraphs=paragraphs, headings=headings,
    )
