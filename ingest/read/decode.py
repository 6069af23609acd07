"""Bytes -> text: byte-order marks, UTF-8, GB18030, and the refusal of empty or binary files."""
from __future__ import annotations

import re
import unicodedata

from ingest.model import ArticleError

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
                raise ArticleError("binary file (decodes only to control or unassigned characters), not article text") from None
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
