"""Read an article file into an Article: decode, recognise the format, find metadata,
and cut the body into paragraphs whose characters map back to the file's text.

Formats:
- epaper-text: the text of a Founder e-paper page, as in the seed: a date line
  (2022年08月10日), an edition line (第08版:08), the title, the body, and the page's
  metadata comment (tags stripped or not), ending in ``/enpproperty-->``.
- markdown: .md, or any text with a YAML front-matter block (title, date, source, url,
  region, page, id); Markdown markup is dropped from the text, offsets stay true.
- founder-html / html: see ingest.html.
- text: anything else that reads as text: copied web pages (navigation bars, "发布时间：",
  "来源：" and footer lines are dropped but mined for the date and the paper),
  hard-wrapped lines, tab-separated tables, tables of `` | ``-separated cells (with or
  without pipes at the ends of the lines).

Every paragraph carries ``offsets``: ``offsets[i]`` is the position in ``Article.source``
of ``text[i]``. Text is changed only one character for one character (full-width
digits and signs folded to ASCII, traditional characters to simplified, entities
decoded to their first character's position), by dropping characters (line breaks,
indentation, markup, invisible characters), or by one inserted separator that stands
on whitespace or on the tag that made it (a space between two ASCII words joined across
a line break, a tab between table cells).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import yaml

from ingest.model import Article, ArticleError, Paragraph

# Characters that end a sentence: a line ending in one of these is running text, not a heading.
SENTENCE_END = "。！？!?；;….．"
# Closing quotes and brackets may follow the sentence end (……增长20%。”).
_CLOSERS = "”\"」』’'）)】]》〉"
HEADING_MAX = 40
# A unit longer than this is never treated as web-page boilerplate, whatever it starts with.
BOILERPLATE_MAX = 160
CELL_SEPARATOR = "\t"

_DATE_CN = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]")
_DATE_ISO = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d.]?\d)")
_DATE_HANZI = re.compile(r"(?P<y>[〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,2})\s*月\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日")
_DATE_COMPACT = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)")
_DATE_URL = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-?(?P<m>[01]\d)/(?P<d>[0-3]\d)/")
_EDITION = re.compile(r"^\s*第\s*[A-Za-z]?\d{1,3}\s*版|^\s*第\s*[一二三四五六七八九十]{1,3}\s*版|^\s*[A-Z]\d{1,2}\s*版")
_CONTINUATION = re.compile(r"[（(]\s*(?:上|下)\s*(?:接|转)\s*(?:第|本报)?\s*[A-Za-z]?[一二三四五六七八九十\d]{1,3}\s*版\s*[)）]")
_ENP_TAGS = re.compile(r"<([\w-]+)>([^<]*)</\1>")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_NEWLINE = re.compile(r"\r\n|\r|\n")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# A numbered point starts a new paragraph; it may be a heading (一、工业生产).
_ENUM = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.]|\d{1,2}(?:[、)]|\.(?!\d))"
    r"|[一二三四五六七八九十]是|其[一二三四五六七八九十]是?[，,、]|第[一二三四五六七八九十]{1,3}[，,、是])")
# A bulleted item starts a new paragraph and is never a heading.
_BULLET = re.compile(r"^[●■◆◇▲△►▶•·※★☆○◎□√]|^[-+*]\s")


@dataclass(frozen=True)
class Overrides:
    """Metadata the user supplies on the command line; it wins over what the file says."""

    date: date | None = None
    title: str | None = None
    source: str | None = None
    region: str | None = None


# --------------------------------------------------------------------------- decoding

_MAGIC = (
    (b"%PDF", "PDF document"), (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"), (b"7z\xbc\xaf", "7-Zip archive"), (b"Rar!", "RAR archive"),
    (b"\xd0\xcf\x11\xe0", "Word/Excel document"), (b"\x7fELF", "executable"),
)


def decode(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding). Raises ArticleError for empty, binary or undecodable input.

    A UTF-8 byte-order mark is not part of the text: offsets count from the character after it,
    as when the file is read with the 'utf-8-sig' codec.
    """
    if not data.strip():
        raise ArticleError("empty file")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ArticleError(f"binary file ({what}), not article text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError("UTF-16 text; save the article as UTF-8 or GB18030")
    if b"\x00" in data:
        raise ArticleError("binary file (contains NUL bytes), not article text")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            text, encoding = data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise ArticleError(f"has a UTF-8 byte-order mark but invalid UTF-8 at byte {e.start + 3}") from None
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as e:
            if _mostly_utf8(data):
                raise ArticleError(f"invalid UTF-8 at byte {e.start} (the rest of the file is UTF-8)") from None
            try:
                text, encoding = data.decode("gb18030"), "gb18030"
            except UnicodeDecodeError:
                raise ArticleError("text is neither UTF-8 nor GB18030") from None
            if _junk_ratio(text) > 0.02:
                raise ArticleError("binary file (decodes only to control or unassigned characters), not article text")
    if len(_CONTROL.findall(text)) > 0.02 * len(text):
        raise ArticleError("binary file (control characters), not article text")
    if not text.strip():
        raise ArticleError("empty file")
    return text, encoding


_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few bad bytes (a cut multi-byte character), as opposed to GB18030 text:
    GB18030 text seldom forms valid UTF-8 sequences by chance."""
    high = sum(1 for b in data if b >= 0x80)
    if high < 12:
        return False
    in_seqs = sum(len(m) for m in _UTF8_SEQ.findall(data))
    return in_seqs >= 0.9 * high


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _junk_ratio(text: str) -> float:
    bad = 0
    for c in text:
        cat = unicodedata.category(c)
        if (cat == "Cc" and c not in "\r\n\t\f") or cat in ("Co", "Cn"):
            bad += 1
    return bad / max(len(text), 1)


# --------------------------------------------------------------------------- characters

def fold(ch: str) -> str:
    """Fold a full-width digit, letter or numeric sign to ASCII, one character to one.

    Chinese punctuation that ends or splits clauses (，：；！？（）) is kept: sentence
    splitting and heading detection read it.
    """
    if "\uff01" <= ch <= "\uff5e" and ch not in "，：；！？（）":
        folded = unicodedata.normalize("NFKC", ch)
        if len(folded) == 1:
            return folded
    if ch == "\t":
        return ch
    if unicodedata.category(ch) == "Zs":
        return " "
    return ch


_FOLD_TABLE: dict[int, str] = {
    cp: fold(chr(cp)) for cp in [*range(0xFF01, 0xFF5F), 0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000]
    if fold(chr(cp)) != chr(cp)
}


@lru_cache(maxsize=1)
def t2s_table() -> dict[int, str]:
    """Traditional (and Taiwan/Hong Kong variant) characters -> simplified, one character to one.

    The character tables of the OpenCC project, as shipped by opencc-python-reimplemented.
    Only single-character entries are used (the first candidate of each): phrase entries
    would change the text's length and break the offset map.
    """
    from importlib.resources import files

    folder = files("opencc") / "dictionary"

    def load(name: str) -> dict[str, str]:
        table: dict[str, str] = {}
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            first = values.split(" ")[0] if values else ""
            if len(key) == 1 and len(first) == 1 and key != first:
                table[key] = first
        return table

    to_simplified = load("TSCharacters.txt")
    mapping: dict[int, str] = {ord(k): v for k, v in to_simplified.items()}
    for variants in ("TWVariantsRev.txt", "HKVariantsRev.txt"):
        for k, v in load(variants).items():
            mapping.setdefault(ord(k), to_simplified.get(v, v))
    return mapping


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    return frozenset(chr(c) for c in t2s_table())


def is_traditional(text: str) -> bool:
    """Whether text is written in traditional characters.

    Counted over distinct characters, so that a simplified article quoting one traditional
    name many times is not taken for traditional, and so that it is fast on long texts.
    """
    distinct = set(text)
    traditional = distinct & _traditional_chars()
    cjk = sum(1 for c in distinct if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff")
    return len(traditional) >= 2 and len(traditional) >= 0.05 * cjk


def to_simplified(text: str) -> str:
    return text.translate(t2s_table())


_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")


def display_width(s: str) -> int:
    """Columns s takes in a monospaced editor: East Asian wide characters count two."""
    return len(s) + len(_WIDE.findall(s))


# --------------------------------------------------------------------------- text with offsets

@dataclass
class Line:
    """One line of body text with its offset map: a line of a text file, or a block of HTML."""

    text: str
    offsets: list[int]
    kind: str = "text"          # text | heading | row | item (bullet) | enum (numbered point) | blank
    width: int = 0              # display columns of the raw line, indentation included
    chars: int = 0              # characters of the raw line, indentation included
    indented: bool = False
    end: int = -1               # source offset of the line break after the line


BLANK = Line("", [], "blank")


def take(source: str, a: int, b: int) -> tuple[str, list[int]]:
    """source[a:b] folded, invisible characters dropped, with the offset of each character."""
    seg = source[a:b]
    if not _INVISIBLE.search(seg):
        return seg.translate(_FOLD_TABLE), list(range(a, b))
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(seg, a):
        if not _INVISIBLE.match(ch):
            chars.append(fold(ch))
            offsets.append(i)
    return "".join(chars), offsets


def _strip(text: str, offsets: list[int], chars: str = " \t") -> tuple[str, list[int]]:
    lo, hi = 0, len(text)
    while lo < hi and text[lo] in chars:
        lo += 1
    while hi > lo and text[hi - 1] in chars:
        hi -= 1
    return text[lo:hi], offsets[lo:hi]


def _delete(text: str, offsets: list[int], spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """Drop text[i:j] for each (i, j) in spans (sorted, not overlapping)."""
    if not spans:
        return text, offsets
    out_t: list[str] = []
    out_o: list[int] = []
    pos = 0
    for i, j in spans:
        out_t.append(text[pos:i])
        out_o.extend(offsets[pos:i])
        pos = max(pos, j)
    out_t.append(text[pos:])
    out_o.extend(offsets[pos:])
    return "".join(out_t), out_o


def _as_row(text: str, offsets: list[int], pattern: str) -> tuple[str, list[int]]:
    """Cells separated by runs matching pattern -> cells separated by one CELL_SEPARATOR each."""
    out_t: list[str] = []
    out_o: list[int] = []
    pos = 0
    for m in re.finditer(pattern, text):
        out_t.append(text[pos:m.start()])
        out_o.extend(offsets[pos:m.start()])
        out_t.append(CELL_SEPARATOR)
        out_o.append(offsets[m.start()])
        pos = m.end()
    out_t.append(text[pos:])
    out_o.extend(offsets[pos:])
    return "".join(out_t), out_o


def source_lines(source: str, start: int = 0, end: int | None = None, markdown: bool = False) -> list[Line]:
    """The lines of source[start:end], cleaned, with blank lines kept as BLANK."""
    end = len(source) if end is None else end
    lines: list[Line] = []
    pos = start
    while pos < end:
        m = _NEWLINE.search(source, pos, end)
        l_end, nxt = (m.start(), m.end()) if m else (end, end)
        lines.append(_clean_line(source, pos, l_end, markdown))
        pos = nxt
    return lines


def _clean_line(source: str, a: int, b: int, markdown: bool) -> Line:
    raw = source[a:b]
    body = raw.lstrip(" \t\u3000\u00a0")
    indent = raw[:len(raw) - len(body)]
    body = body.rstrip(" \t\u3000\u00a0")
    if not body:
        return BLANK
    lead = len(indent)
    text, offsets = take(source, a + lead, a + lead + len(body))
    text, offsets = _strip(text, offsets, " \t")
    if not text:
        return BLANK
    line = Line(text, offsets, "text", width=display_width(raw.rstrip()), chars=len(raw.rstrip()),
                indented=display_width(indent.replace("\t", "    ")) >= 2, end=b)
    if markdown:
        line = _markdown_line(line)
        if line.kind == "blank":
            return line
    if not markdown and line.kind == "text" and "|" in line.text:
        # Markdown pipe tables pasted into plain text (a .txt copy of a statistics page).
        if _PIPE_RULE.match(line.text):
            return Line("", [], "blank-row")
        if _PIPE_ROW.match(line.text) and re.search(r"[^|\s]", line.text):
            line.text, line.offsets = _pipe_cells(line.text, line.offsets)
            line.kind = "row"
    if line.kind == "text":
        if "\t" in line.text or len(re.findall(r" {2,}", line.text)) >= 2:
            line.text, line.offsets = _as_row(line.text, line.offsets, r"[ \t]*\t[ \t]*| {2,}")
            line.kind = "row"
        elif _BULLET.match(line.text):
            line.kind = "item"
        elif _ENUM.match(line.text):
            line.kind = "enum"
    return line


_MD_HR = re.compile(r"^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_MD_QUOTE = re.compile(r"^(?:>\s?)+")
_MD_LIST = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
_MD_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_MD_INLINE = re.compile(
    r"!\[[^\]]*\]\([^)]*\)"                 # image: dropped whole
    r"|<(?:https?://|mailto:)[^>]*>"         # autolink
    r"|</?[A-Za-z][^>]*>"                    # inline HTML tag
    r"|\]\([^)]*\)"                          # the (url) of a link
    r"|\[(?=[^\]]*\]\()"                     # the [ of a link
    r"|\\(?=[\\`*_{}\[\]()#+\-.!|>~])"       # backslash escape
    r"|\*+|`+|~~")


def _pipe_cells(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """| 工业总产值（亿元） | 120.5 | 131.2 | -> cells separated by CELL_SEPARATOR."""
    if text.startswith("|"):
        text, offsets = text[1:], offsets[1:]
    if text.rstrip().endswith("|"):
        k = len(text.rstrip()) - 1
        text, offsets = text[:k], offsets[:k]
    text, offsets = _strip(text, offsets, " \t")
    text, offsets = _as_row(text, offsets, r"\s*(?<!\\)\|\s*")
    # Empty cells at the end (|园区||) leave separators with nothing after them; empty
    # cells at the start stay, as they keep the columns of a header row in place.
    end = len(text.rstrip(" \t"))
    return text[:end], offsets[:end]


# A pipe-table row in plain text: starts and ends with a pipe, with a cell between.
_PIPE_ROW = re.compile(r"^\|[^|]*\|.*\|$")
_PIPE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?$|^\|\s*:?-{2,}:?\s*\|$")


def _markdown_line(line: Line) -> Line:
    text, offsets = line.text, line.offsets
    if _MD_HR.match(text):
        return BLANK
    kind = "text"
    m = _MD_QUOTE.match(text)
    if m:
        text, offsets = text[m.end():], offsets[m.end():]
    m = _MD_HEADING.match(text)
    if m:
        kind = "heading"
        text, offsets = text[m.end():], offsets[m.end():]
        m2 = re.search(r"\s+#+\s*$", text)
        if m2:
            text, offsets = text[:m2.start()], offsets[:m2.start()]
    elif text.startswith("|") or (text.count("|") >= 2 and _MD_TABLE_RULE.match(text) is None and "|" in text.strip("|")
                                  and text.rstrip().endswith("|")):
        if _MD_TABLE_RULE.match(text):
            return Line("", [], "blank-row")
        text, offsets = _pipe_cells(text, offsets)
        kind = "row"
    else:
        m = _MD_LIST.match(text)
        if m:
            kind = "item"
            text, offsets = text[m.end():], offsets[m.end():]
    spans = [(m.start(), m.end()) for m in _MD_INLINE.finditer(text)]
    # Underscores mark emphasis only where they do not join two ASCII word characters (PM_2.5 stays).
    for m in re.finditer(r"_+", text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if m.end() - m.start() >= 2 or not (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()):
            spans.append((m.start(), m.end()))
    spans.sort()
    text, offsets = _delete(text, offsets, spans)
    text, offsets = _strip(text, offsets, " \t")
    if not text:
        return BLANK
    return Line(text, offsets, kind, width=line.width, chars=line.chars, indented=line.indented, end=line.end)


# --------------------------------------------------------------------------- lines -> units

def ends_sentence(text: str) -> bool:
    t = text.rstrip(" \t" + _CLOSERS)
    return bool(t) and t[-1] in SENTENCE_END


def looks_like_heading(text: str) -> bool:
    text = text.strip()
    if not text or len(text) > HEADING_MAX:
        return False
    if ends_sentence(text) or text[-1] in ",，:：、" or "。" in text:
        return False
    return bool(re.search(r"[^\W\d_]", text))


@dataclass
class Unit:
    """A paragraph, heading or table row before it becomes a Paragraph."""

    kind: str                   # para | heading | row | item (a bulleted item: never a heading)
    text: str
    offsets: list[int]
    lines: int = 1


@dataclass
class Wrap:
    """How the text was hard-wrapped: lines at least ``full`` wide continue on the next line."""

    measure: str                # width | chars
    full: int
    indent_starts: bool         # an indented line starts a paragraph


def detect_wrap(lines: list[Line]) -> Wrap | None:
    """Find a fixed line width that most lines fill: the mark of hard-wrapped text."""
    cand = [ln for ln in lines if ln.kind in ("text", "item", "enum")]
    if len(cand) < 4:
        return None
    best: tuple[int, int, str, int] | None = None
    for measure in ("width", "chars"):
        counts = Counter(getattr(ln, measure) for ln in cand)
        for w in counts:
            if w < 8 or w > 200:
                continue
            tol = max(2, round(w * 0.12))
            n = sum(c for x, c in counts.items() if w - tol <= x <= w + 2)
            key = (n, w, measure, tol)
            if best is None or key[:2] > best[:2]:
                best = key
    if best is None:
        return None
    n, w, measure, tol = best
    if n < max(3, 0.35 * len(cand)):
        return None
    longer = sum(1 for ln in cand if getattr(ln, measure) > w + 2)
    if longer > 0.1 * len(cand):
        return None
    full = [ln for ln in cand if getattr(ln, measure) >= w - tol]
    if sum(1 for ln in full if ends_sentence(ln.text)) >= 0.5 * len(full):
        return None  # one paragraph per line that happen to be alike in length
    indented = sum(1 for ln in cand if ln.indented)
    return Wrap(measure, w - tol, indent_starts=0 < indented < len(cand) * 0.8)


def _joins(prev: Line, line: Line, wrap: Wrap | None, soft: bool) -> bool:
    """Whether line continues the paragraph that prev ended."""
    if prev.kind not in ("text", "item", "enum") or line.kind != "text":
        return False
    if wrap is not None:
        if wrap.indent_starts and line.indented:
            return False
        return getattr(prev, wrap.measure) >= wrap.full
    if soft:
        return not (ends_sentence(prev.text) or looks_like_heading(prev.text) or prev.text[-1] in ":：")
    return False


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


# A cell that holds a figure: a number with the signs and words a statistics table puts
# around it (600以上, 约5, ≥90, -2.4%, 386.2亿元).
_NUMBER_CELL = re.compile(r"(?:约|近|超过|超|逾|不低于|不少于|不超过|不到|不足|≥|≤|>|<|＞|＜)?[-−+]?\d[\d,]*(?:\.\d+)?"
                          r"[十百千万亿]*(?:[%‰]|[^\d\s|年月日号版期届次]{0,3}?)(?:以上|以下|左右|以内|上下)?")
_BARE_PIPE = re.compile(r"\s*\|\s*")


def _bare_pipe_cells(text: str) -> list[str] | None:
    """The cells of a line written as ``a | b | c`` (outer pipes optional), or None when the
    line has fewer than two separators."""
    inner = text.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    cells = _BARE_PIPE.split(inner.strip())
    return cells if len(cells) >= 3 else None


def _bare_pipe_tables(lines: list[Line]) -> list[Line]:
    """Plain-text tables whose cells are split by `` | `` with no pipes at the ends of the lines
    (指标 | 2020年 | 2025年目标 / 地区生产总值（亿元） | 386.2 | 600以上): two or more lines in a
    row (blank lines between allowed) with the same number of separators, one of them with a
    number in a cell, become table rows. A navigation bar (首页 | 新闻 | 政务) is one line with
    no numbers, so it stays text."""
    out = list(lines)
    i = 0
    n = len(out)
    while i < n:
        line = out[i]
        cells = _bare_pipe_cells(line.text) if line.kind == "text" and "|" in line.text else None
        if cells is None:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < n:
            nxt = out[j]
            if nxt.kind.startswith("blank"):
                j += 1
                continue
            if nxt.kind == "text" and _PIPE_RULE.match(nxt.text):
                run.append(j)
                j += 1
                continue
            other = _bare_pipe_cells(nxt.text) if nxt.kind == "text" and "|" in nxt.text else None
            if other is None or len(other) != len(cells):
                break
            run.append(j)
            j += 1
        rows = [k for k in run if not _PIPE_RULE.match(out[k].text)]
        numbered = any(_NUMBER_CELL.fullmatch(c.strip()) for k in rows for c in _bare_pipe_cells(out[k].text) or [])
        if len(rows) >= 2 and numbered:
            for k in run:
                ln = out[k]
                if _PIPE_RULE.match(ln.text):
                    out[k] = Line("", [], "blank-row")
                    continue
                text, offsets = _pipe_cells(ln.text, ln.offsets)
                out[k] = Line(text, offsets, "row", width=ln.width, chars=ln.chars, indented=ln.indented, end=ln.end)
        # Lines inside a run that failed form only shorter runs, which fail too.
        i = max(j, i + 1)
    return out


def group_lines(lines: list[Line], soft: bool | None = None) -> list[Unit]:
    """Join lines into units: blank lines, headings, rows and list items separate them;
    hard-wrapped lines (and, in soft mode, lines that do not end a sentence) join."""
    lines = _bare_pipe_tables(lines)
    wrap = detect_wrap(lines)
    if soft is None:
        texts = sum(1 for ln in lines if ln.kind != "blank")
        blanks = sum(1 for a, b in zip(lines, lines[1:]) if a.kind != "blank" and b.kind == "blank")
        soft = texts > 0 and blanks >= 0.4 * texts
    units: list[Unit] = []
    cur: Unit | None = None
    prev: Line | None = None
    for line in lines:
        if line.kind.startswith("blank"):
            if line.kind == "blank":
                cur, prev = None, None
            continue
        if cur is not None and prev is not None and _joins(prev, line, wrap, soft):
            if _ascii_word(cur.text[-1]) and _ascii_word(line.text[0]):
                cur.text += " "
                cur.offsets.append(prev.end if prev.end >= 0 else prev.offsets[-1])
            cur.text += line.text
            cur.offsets.extend(line.offsets)
            cur.lines += 1
        else:
            kind = {"heading": "heading", "row": "row", "item": "item"}.get(line.kind, "para")
            cur = Unit(kind, line.text, list(line.offsets))
            units.append(cur)
            if kind in ("heading", "row"):
                cur = None
        prev = line
    return units


# --------------------------------------------------------------------------- boilerplate

_META_KEYS = (r"发布时间|发布日期|发表时间|发稿时间|更新时间|上传时间|录入时间|时间|日期|来源|稿源|信息来源|稿件来源|文章来源|新闻来源"
              r"|作者|编辑|责任编辑|责编|本版责编|编审|审核|审校|校对|终审|记者|通讯员|摄影|供稿|发布者|发布人|发布机构|信息提供"
              r"|浏览次数|浏览量|阅读次数|阅读量|点击数|点击量|点击次数|访问次数|访问量|人气|字号|字体|阅读数|索引号|文号|分类"
              r"|阅读|浏览|点击|访问|查看次数|查看"
              # 政府信息公开 pages head the text with a catalogue record (索引号, 标题, 主题词 …)
              r"|信息分类|主题分类|体裁分类|组配分类|生成日期|成文日期|公开日期|标题|主题词|关键词|公开方式|公开范围|公开时限"
              r"|发文机关|发文字号|有效性|信息名称")
_META_LINE = re.compile(rf"^[【\[(（]?\s*(?:{_META_KEYS})\s*[:：]")
_META_ANYWHERE = re.compile(r"(?:^|[\s|｜【\[(（])(?:发布时间|发布日期|发表时间|更新时间|来源|稿源|浏览次数|点击数|阅读次数|责任编辑|字号|字体)\s*[:：]")
_DATE_TIME_LINE = re.compile(r"^\s*(?:(?:19|20)\d{2}[-/.年]\s*\d{1,2}[-/.月]\s*\d{1,2}日?)(?:\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|星期.|周.))*\s*$")
_BREADCRUMB = re.compile(r"^(?:当前位置|您的位置|你的位置|您现在的位置|你现在的位置|您当前的位置|所在位置|现在位置)\s*[:：]?"
                         r"|^(?:首页|主页|网站首页|返回首页|本站首页)\s*(?:>|＞|»|›|→|/|>>|-|\||｜|·)")
_CRUMB_SEP = re.compile(r"\s*(?:>>|>|＞|»|›|→)\s*")
_UI = re.compile(
    r"字体\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小|字号\s*[:：]?\s*[【\[]?\s*大|[【\[]\s*大\s*[】\]]\s*[【\[]\s*中\s*[】\]]"
    r"|打印本页|打印此页|打印文章|打印正文|关闭窗口|关闭本页|关闭此页|返回顶部|返回列表|收藏本页|加入收藏|设为首页|分享到|分享至|一键分享"
    r"|扫一扫|在手机(?:上)?打开|手机扫描|微信扫一扫|我要纠错|【纠错】|网站地图|^联系我们|无障碍浏览|无障碍阅读|^无障碍$|登录\s*[|｜/]\s*注册|上一篇|下一篇|上一条|下一条"
    r"|【(?:打印|关闭|返回|收藏|评论)】|^(?:打印|关闭|返回|收藏|评论|分享)$")
# Words that only a page footer has anywhere in a line, then words that mark a footer only at a line's start
# (主办单位, 技术支持, 地址 also occur in article sentences).
_FOOTER = re.compile(
    r"版权所有|copyright|\(c\)\s*\d{4}|©|all rights reserved|icp备|icp证|icp\s*\d|公网安备|网站标识码|网站识别码"
    r"|违法和不良信息|不良信息举报|转载请注明|本网站所刊登|未经授权.{0,12}(?:转载|复制|使用)|禁止转载|不得转载"
    r"|^[【\[(（]?\s*(?:主办单位|承办单位|协办单位|主办|承办|协办|技术支持|建议使用|建议浏览|最佳浏览|分辨率|备案号|举报电话|举报邮箱"
    r"|(?:联系)?电话|传真|邮编|邮政编码|邮箱|e-?mail|地址|联系地址|通讯地址|网址)\s*[:：]", re.I)
# After these the page lists other articles: nothing below them is the article.
_TAIL = re.compile(r"^(?:[【\[]?\s*)(?:上一篇|下一篇|上一条|下一条|相关新闻|相关阅读|相关文章|相关链接|相关稿件|推荐阅读|延伸阅读|热点新闻|热门文章"
                   r"|热点推荐|猜你喜欢|更多新闻|精彩推荐|责任编辑|网友评论|发表评论|打印本页|关闭窗口|分享到)")
_BYLINE = re.compile(r"^[□■●◆▲◎]?\s*(?:本报|本台|本网|本刊)?(?:首席|特约|实习)?(?:记者|通讯员|实习生|评论员|文/|文／|图/|图／|摄影/|文\s*图)"
                     r"\s*[^\s，。,]{1,8}(?:\s*[、,，/\s]\s*[^\s，。,]{1,8}){0,6}\s*[□■●◆▲]?$")
# 河北日报记者陈晓2021年11月05日第07版: a byline with the paper's name before it and the
# dateline and page after it (an e-paper page's header copied with the text).
_PAPER_BYLINE = re.compile(r"^[\u4e00-\u9fff]{2,10}?(?:报|社|台|网)(?:首席|特约|实习)?(?:记者|通讯员)")
_BYLINE_TAIL = re.compile(r"\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}-\d{1,2}-\d{1,2})?"
                          r"\s*(?:第\s*[A-Za-z]?\d{1,3}\s*版)?\s*$")


def is_byline(text: str) -> bool:
    """A line naming the reporters (本报记者 张三 通讯员 李四), never a heading of the article."""
    t = text.strip()
    if len(t) > 40 or re.search(r"[，。；;！？]", t):
        return False
    t = t[:_BYLINE_TAIL.search(t).start()]
    m = _PAPER_BYLINE.match(t)
    if m:
        t = "记者" + t[m.end():] if t[m.end() - 2:m.end()] == "记者" else "通讯员" + t[m.end():]
    return bool(t) and len(t) <= 30 and _BYLINE.match(t) is not None


_GENERIC_SOURCES = {"本站", "本网", "原创", "网络", "互联网", "未知", "综合", "网站", "本站原创"}


def is_nav_bar(text: str) -> bool:
    """A row of short menu words: 首页 新闻中心 政务公开 办事服务 互动交流."""
    tokens = [t for t in re.split(r"[\s|｜·•/]+", text) if t]
    if len(tokens) < 4:
        return False
    return all(len(t) <= 6 and not re.search(r"[\d。，,；;：:%]", t) for t in tokens)


def boilerplate(text: str) -> str | None:
    """Why a unit is web-page furniture rather than article text ('meta', 'nav', 'ui', 'footer', 'tail'), or None."""
    t = text.strip()
    if len(t) > BOILERPLATE_MAX:
        return None
    if _BREADCRUMB.search(t) or len(_CRUMB_SEP.findall(t)) >= 2 and len(t) <= 80:
        return "nav"
    if _TAIL.match(t):
        return "tail"
    if _META_LINE.match(t) or (len(t) <= 100 and len(_META_ANYWHERE.findall(t)) >= 1 and not ends_sentence(t)) \
            or _DATE_TIME_LINE.match(t):
        return "meta"
    if _UI.search(t):
        return "ui"
    if _FOOTER.search(t):
        return "footer"
    if is_nav_bar(t):
        return "nav"
    return None


_META_TITLE = re.compile(r"^\s*(?:标题|信息名称)\s*[:：]\s*(\S.{1,79})$")


def paper_from_meta(text: str) -> str | None:
    m = re.search(r"(?:来源|稿源|出处|信息来源|稿件来源|文章来源|新闻来源|发布机构|发文机关)\s*[:：]\s*([^\s|｜/【】\[\]()（）,，;；]+)", text)
    if m and m[1] not in _GENERIC_SOURCES and not parse_date(m[1]):
        return m[1]
    return None


# --------------------------------------------------------------------------- dates

_HANZI_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}


def _hanzi_number(s: str) -> int:
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_HANZI_DIGIT[tens] if tens else 1) * 10 + (_HANZI_DIGIT[ones] if ones else 0)
    return _HANZI_DIGIT[s]


def parse_date(text: str) -> date | None:
    """The first full date in text: 2022年08月10日, 2022-08-10, 2022/8/10, 2022.08.10, 二〇二二年八月十日."""
    found: list[tuple[int, date]] = []
    for pattern in (_DATE_CN, _DATE_ISO):
        for m in pattern.finditer(text):
            try:
                found.append((m.start(), date(int(m["y"]), int(m["m"]), int(m["d"]))))
                break
            except ValueError:
                continue
    m = _DATE_HANZI.search(text)
    if m:
        try:
            y = int("".join(str(_HANZI_DIGIT[c]) for c in m["y"]))
            found.append((m.start(), date(y, _hanzi_number(m["m"]), _hanzi_number(m["d"]))))
        except (ValueError, KeyError):
            pass
    return min(found, key=lambda f: f[0])[1] if found else None


def parse_loose_date(text: str) -> date | None:
    """A date in a file name or URL: any parse_date form, 20220810, or …/2022-08/10/…."""
    found = parse_date(text)
    if found:
        return found
    for pattern in (_DATE_URL, _DATE_COMPACT):
        for m in pattern.finditer(text):
            try:
                return date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
    return None


def as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_date(value) or parse_loose_date(value)
    return None


# --------------------------------------------------------------------------- units -> body

@dataclass
class Body:
    """What digest() makes of a run of lines."""

    paragraphs: list[Paragraph]
    headings: list[Paragraph]
    title: str = ""
    published: date | None = None       # from 发布时间 lines, date-only lines, the header zone
    paper: str | None = None            # from 来源 lines
    traditional: bool = False
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (why, text) of each dropped unit


def _norm(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def _trim_continuation(u: Unit) -> Unit:
    spans = []
    for m in _CONTINUATION.finditer(u.text):
        if m.start() == 0 or m.end() == len(u.text.rstrip()) or not u.text[:m.start()].strip():
            spans.append((m.start(), m.end()))
    if not spans:
        return u
    text, offsets = _delete(u.text, u.offsets, spans)
    text, offsets = _strip(text, offsets, " \t")
    return Unit(u.kind, text, offsets, u.lines)


def _is_body_text(u: Unit) -> bool:
    return u.kind in ("para", "item") and (len(u.text) >= 50 or (len(u.text) >= 15 and ends_sentence(u.text)))


def digest(units: list[Unit], title: str | None = None) -> Body:
    """Drop furniture, find the title (when not given) and metadata lines, and turn the
    rest into paragraphs and headings, each paragraph under the nearest heading above it.

    ``title`` given: a heading or line repeating it before the body text is dropped.
    ``title`` None: the title is the line above the 发布时间/来源 line, or else the first
    heading-like line before the body text.
    """
    dropped: list[tuple[str, str]] = []
    kept: list[Unit] = []
    started = False
    published: date | None = None
    paper: str | None = None
    header_dates: list[date] = []
    late_dates: list[date] = []     # date-only lines after the body started: a notice's signature date
    title_index: int | None = None
    meta_seen_at: int | None = None
    meta_title = ""                 # 标题：… in a catalogue record above the text
    for k, u in enumerate(units):
        u = _trim_continuation(u)
        if not u.text:
            continue
        why = boilerplate(u.text)
        if why == "nav" and u.kind == "row" and any(0 <= x < len(units) and units[x].kind == "row" for x in (k - 1, k + 1)):
            why = None  # 指标 | 单位 | 现状值 | 目标值: the header of a table, not a menu
        if why is None and (u.kind == "para" or not started) and is_byline(u.text):
            why = "byline"
        if why is None and u.kind == "para" and len(u.text) <= 30 and parse_date(u.text) \
                and len(_CJK.sub("", u.text)) >= len(u.text) // 2:
            why = "date"
        if why == "tail" and not started:
            why = "ui"  # a share bar above the article, not the list after it
        if why:
            dropped.append((why, u.text))
            if why == "date" and started:
                late_dates.append(parse_date(u.text))  # type: ignore[arg-type]
            elif why in ("meta", "date"):
                d = parse_date(u.text)
                if d and published is None and (why == "date" or re.search(r"发布|发表|日期|时间|更新", u.text) or _DATE_TIME_LINE.match(u.text)):
                    published = d
                elif d and not started:
                    header_dates.append(d)
                paper = paper or paper_from_meta(u.text)
                named = _META_TITLE.match(u.text)
                if named and not started and not meta_title:
                    meta_title = named.group(1).strip()
                if meta_seen_at is None and not started:
                    meta_seen_at = len(kept)
            if why == "tail":
                break
            continue
        if not started and _is_body_text(u):
            started = True
        if not started:
            d = parse_date(u.text)
            if d:
                header_dates.append(d)
        kept.append(u)
    if published is None and header_dates:
        published = header_dates[0]
    if published is None and late_dates:
        published = late_dates[-1]

    found_title = ""
    first_body = next((i for i, u in enumerate(kept) if _is_body_text(u)), len(kept))
    title = title or meta_title or None
    if title:
        want = _norm(title)
        kept = [u for i, u in enumerate(kept) if not (i <= first_body and u.kind != "row" and _norm(u.text) == want)]
        found_title = "" if title != meta_title else meta_title
    else:
        if meta_seen_at is not None and 0 < meta_seen_at <= first_body:
            cand = kept[meta_seen_at - 1]
            if cand.kind != "row" and len(cand.text) <= 80 and not ends_sentence(cand.text):
                title_index = meta_seen_at - 1
        if title_index is None:
            for i, u in enumerate(kept[:first_body]):
                if u.kind != "row" and len(u.text) <= 80 and not ends_sentence(u.text):
                    title_index = i
                    break
        if title_index is not None:
            found_title = kept[title_index].text
            del kept[title_index]

    all_text = "".join(u.text for u in kept)
    traditional = is_traditional(all_text)
    paragraphs: list[Paragraph] = []
    headings: list[Paragraph] = []
    section: str | None = None
    for u in kept:
        text = to_simplified(u.text) if traditional else u.text
        if u.kind == "heading" or (u.kind == "para" and looks_like_heading(text)):
            section = text
            headings.append(Paragraph(index=len(headings) + 1, text=text, offsets=tuple(u.offsets)))
        else:
            paragraphs.append(Paragraph(index=len(paragraphs) + 1, text=text, offsets=tuple(u.offsets), section=section))
    return Body(paragraphs, headings, title=found_title, published=published, paper=paper,
                traditional=traditional, dropped=dropped)


# --------------------------------------------------------------------------- e-paper metadata

def parse_enpproperty(text: str) -> dict[str, str]:
    """Metadata of a Founder e-paper page from its ``<!--enpproperty … /enpproperty-->`` comment.

    Tags kept: <articleid>, <date>, <title>, <nodename>, <url>, or <founder-date>,
    <founder-papername>, <founder-pagenum>, <founder-title>. Tags stripped (as in text copied
    from the page): the date, the page file (content_N.htm[l]), the paper before it and the
    title after it, found by their shapes.
    Returns keys among date, title, paper, page, edition, url, articleid.
    """
    body = re.sub(r"^\s*<!--\s*enpproperty", "", text.strip())
    body = re.sub(r"/?\s*enpproperty\s*-->\s*$", "", body).strip()
    tags = {k.lower(): v.strip() for k, v in _ENP_TAGS.findall(body) if v.strip()}
    meta: dict[str, str] = {}
    if tags:
        for key in ("founder-date", "date", "publishdate"):
            if key in tags:
                meta["date"] = tags[key]
                break
        for key in ("founder-title", "title", "urltitle"):
            if key in tags:
                meta["title"] = tags[key]
                break
        for key in ("founder-papername", "papername", "paper", "sitename"):
            if key in tags:
                meta["paper"] = tags[key]
                break
        node = tags.get("nodename")
        if node:
            if re.search(r"版|^[A-Z]?\d{1,3}$", node):
                meta["edition"] = node
            else:
                meta.setdefault("paper", node)
        pagenum = tags.get("founder-pagenum") or tags.get("pagenum")
        if pagenum:
            meta["edition"] = pagenum if "版" in pagenum else f"第{pagenum}版"
        if "url" in tags:
            meta["url"] = tags["url"]
            meta["page"] = tags["url"].rsplit("/", 1)[-1]
        if "articleid" in tags:
            meta["articleid"] = tags["articleid"]
        return meta
    tokens = list(re.finditer(r"\S+", body))
    date_i = next((i for i, t in enumerate(tokens) if parse_loose_date(t[0])), None)
    if date_i is not None:
        meta["date"] = tokens[date_i][0]
    page_i = next((i for i, t in enumerate(tokens) if re.search(r"\.s?html?$", t[0], re.I)), None)
    if page_i is not None:
        meta["page"] = tokens[page_i][0].rsplit("/", 1)[-1]
        if tokens[page_i][0].startswith("http"):
            meta["url"] = tokens[page_i][0]
        paper_i = next((i for i in range(page_i - 1, -1, -1) if _CJK.search(tokens[i][0])), None)
        rest = page_i + 1
    else:
        start = (date_i + 1) if date_i is not None else 0
        paper_i = next((i for i in range(start, len(tokens)) if _CJK.search(tokens[i][0])), None)
        rest = (paper_i + 1) if paper_i is not None else start
    if paper_i is not None:
        meta["paper"] = tokens[paper_i][0]
    while rest < len(tokens) and re.fullmatch(r"[\d:_-]+", tokens[rest][0]):
        rest += 1
    if rest < len(tokens):
        meta["title"] = body[tokens[rest].start():].strip()
    return meta


# --------------------------------------------------------------------------- reading

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
    suffix = path.suffix.lower()
    if _FRONT_MATTER.match(source) or suffix in (".md", ".markdown"):
        article = _read_markdown(path, source)
    elif suffix in (".html", ".htm", ".shtml", ".xhtml") or _looks_like_html(source):
        from ingest.html import read_html  # HTML needs its own parser; keep text paths light

        article = read_html(path, source)
    elif _is_epaper_text(source):
        article = _read_epaper_text(path, source)
    else:
        article = _read_text(path, source)
    article.encoding = encoding
    article.sha256 = sha
    _apply(article, overrides, path)
    if not article.paragraphs:
        raise ArticleError("no article text found")
    return article


def _looks_like_html(source: str) -> bool:
    head = source[:4096]
    if re.search(r"<(?:!doctype\s+html|html|head|body|meta)\b", head, re.I):
        return True
    return len(re.findall(r"</?(?:p|div|br|table|span|td)\b[^>]*>", head, re.I)) >= 4


def _is_epaper_text(source: str) -> bool:
    first = [ln.strip() for ln in source.lstrip().splitlines()[:3] if ln.strip()]
    if not first or len(first[0]) > 24 or not parse_date(first[0]):
        return False
    return "enpproperty" in source[-2000:] or (len(first) > 1 and bool(_EDITION.match(first[1])))


def _apply(article: Article, overrides: Overrides, path: Path) -> None:
    if overrides.date:
        article.published = overrides.date
    if overrides.title:
        article.title = overrides.title
    if overrides.source:
        if article.source_id.startswith(("file/", "unknown/")) or (article.paper and article.source_id.startswith(article.paper + "/")):
            article.source_id = overrides.source + "/" + article.source_id.split("/", 1)[1]
        article.paper = overrides.source
    if overrides.region:
        article.region = overrides.region
    if article.published is None:
        found = parse_loose_date(path.name)
        if found is None:
            raise ArticleError("no recognisable publication date (give one with --date YYYY-MM-DD)")
        article.published = found
    if not article.title:
        article.title = article.headings[0].text if article.headings else path.stem


def _source_id(paper: str | None, key: str) -> str:
    return f"{paper or 'file'}/{key}"


def _split_enp_tail(source: str, lines: list[tuple[int, int]]) -> tuple[int, dict[str, str]]:
    """(where the body ends, metadata) for a text whose last line is the enpproperty block."""
    for l_start, l_end in reversed(lines):
        line = source[l_start:l_end]
        if not line.strip():
            continue
        if "enpproperty" in line:
            begin = source.rfind("<!--enpproperty", 0, l_end)
            if begin >= 0 and source.find("enpproperty-->", begin) >= l_start:
                l_start = begin
                line = source[begin:l_end]
            return l_start, parse_enpproperty(line)
        break
    return len(source), {}


def _raw_lines(source: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    end = len(source) if end is None else end
    spans = []
    pos = start
    while pos < end:
        m = _NEWLINE.search(source, pos, end)
        spans.append((pos, m.start() if m else end))
        pos = m.end() if m else end
    return spans


def _read_epaper_text(path: Path, source: str) -> Article:
    raw = _raw_lines(source)
    body_end, meta = _split_enp_tail(source, raw)
    nonblank = [(s, e) for s, e in raw if source[s:e].strip() and e <= body_end]
    published = parse_date(source[nonblank[0][0]:nonblank[0][1]]) if nonblank else None
    edition = None
    pos = 1
    if len(nonblank) > pos and _EDITION.match(source[nonblank[pos][0]:nonblank[pos][1]]):
        edition = source[nonblank[pos][0]:nonblank[pos][1]].strip()
        pos += 1
    title = ""
    body_start = nonblank[pos - 1][1] if nonblank else 0
    if meta.get("title"):
        # The title line may sit below a kicker line; the metadata names it.
        want = _norm(meta["title"])
        for k in range(pos, min(pos + 4, len(nonblank))):
            if _norm(source[nonblank[k][0]:nonblank[k][1]]) == want:
                title, body_start = source[nonblank[k][0]:nonblank[k][1]].strip(), nonblank[k][1]
                break
    if not title and len(nonblank) > pos:
        line = source[nonblank[pos][0]:nonblank[pos][1]].strip()
        if not ends_sentence(line) and len(line) <= 80:
            title, body_start = line, nonblank[pos][1]
    body = digest(group_lines(source_lines(source, body_start, body_end)), title=title or meta.get("title"))
    paper = meta.get("paper") or body.paper
    page = meta.get("page")
    stem = Path(page).stem if page else path.stem
    return Article(
        path=str(path), source=source, encoding="", sha256="", format="epaper-text",
        published=published or as_date(meta.get("date")) or body.published,  # type: ignore[arg-type]
        title=title or meta.get("title", "") or body.title, source_id=_source_id(paper, stem),
        paragraphs=body.paragraphs, headings=body.headings, paper=paper,
        edition=edition or meta.get("edition"), page=page, url=meta.get("url"),
    )


_FM_KEYS = {
    "title": "title", "标题": "title", "date": "date", "published": "date", "pubdate": "date", "publish_date": "date",
    "日期": "date", "发布日期": "date", "发布时间": "date", "source": "source", "paper": "source", "来源": "source",
    "报纸": "source", "媒体": "source", "url": "url", "link": "url", "链接": "url", "网址": "url", "region": "region",
    "地区": "region", "区域": "region", "page": "page", "edition": "page", "版面": "page", "版次": "page", "id": "id",
}


def _read_markdown(path: Path, source: str) -> Article:
    m = _FRONT_MATTER.match(source)
    meta: dict[str, object] = {}
    body_start = 0
    if m:
        try:
            loaded = yaml.safe_load(m["yaml"]) or {}
        except yaml.YAMLError as e:
            raise ArticleError(f"front matter is not valid YAML ({e.__class__.__name__})") from None
        if not isinstance(loaded, dict):
            raise ArticleError("front matter is not a YAML mapping")
        for k, v in loaded.items():
            key = _FM_KEYS.get(str(k).strip().lower())
            if key and v is not None and key not in meta:
                meta[key] = v
        body_start = m.end()
    title = str(meta.get("title") or "").strip()
    raw, meta_tail = _split_enp_tail(source, _raw_lines(source, body_start))
    body = digest(group_lines(source_lines(source, body_start, raw, markdown=True)), title=title or None)
    if not title:
        title = body.title
    paper = str(meta["source"]).strip() if meta.get("source") else (meta_tail.get("paper") or body.paper)
    url = str(meta["url"]).strip() if meta.get("url") else meta_tail.get("url")
    if meta.get("id"):
        source_id = _source_id(paper, str(meta["id"]).strip())
    elif url:
        source_id = url
    else:
        source_id = _source_id(paper, path.stem)
    page = str(meta["page"]).strip() if meta.get("page") is not None else None
    return Article(
        path=str(path), source=source, encoding="", sha256="", format="markdown",
        published=as_date(meta.get("date")) or as_date(meta_tail.get("date")) or body.published,  # type: ignore[arg-type]
        title=title, source_id=source_id, paragraphs=body.paragraphs, headings=body.headings,
        paper=paper, url=url, region=str(meta["region"]).strip() if meta.get("region") else None,
        edition=page or meta_tail.get("edition"), page=meta_tail.get("page"),
    )


def _read_text(path: Path, source: str) -> Article:
    body_end, meta = _split_enp_tail(source, _raw_lines(source))
    lines = source_lines(source, 0, body_end)
    edition = None
    nonblank = [ln for ln in lines if ln.kind != "blank"]
    for ln in nonblank[:4]:
        if _EDITION.match(ln.text) and len(ln.text) <= 20:
            edition = ln.text.strip()
            lines = [x for x in lines if x is not ln]
            break
    body = digest(group_lines(lines), title=meta.get("title"))
    paper = meta.get("paper") or body.paper
    page = meta.get("page")
    return Article(
        path=str(path), source=source, encoding="", sha256="", format="text",
        published=body.published or as_date(meta.get("date")),  # type: ignore[arg-type]
        title=meta.get("title") or body.title, source_id=_source_id(paper, Path(page).stem if page else path.stem),
        paragraphs=body.paragraphs, headings=body.headings, paper=paper,
        edition=edition or meta.get("edition"), page=page, url=meta.get("url"),
    )


def line_index(source: str) -> list[int]:
    """Start offset of each line ('\\n'-separated), for turning (line, column) into an offset."""
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", source))
    return starts


def offset_of(starts: list[int], lineno: int, col: int) -> int:
    return starts[lineno - 1] + col
