"""The limits every article file is held to before and after it is read.

They are part of zone's contract (README, "Limits"): checked before any parsing, so a hostile
or broken file costs a stat() and one line of output, never a hang, a traceback or the
machine's memory.

- only regular files are read (not FIFOs, devices, sockets; a symlink to /dev/zero is a device);
- an article file is at most ``DEFAULT_MAX_BYTES`` (5 MB) unless the user raises it;
- its date lies between ``FIRST_YEAR`` and ``LAST_YEAR``, so that 去年 and 明年 are dates.
"""
from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path

from ingest.model import Article, ArticleError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
FIRST_YEAR = 1900
LAST_YEAR = 2100


def check_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Refuse, with the reason, a path that is not a regular file of a readable size."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise ArticleError(f"cannot be opened ({e.strerror})") from None
    if not stat.S_ISREG(st.st_mode):
        kind = ("a folder" if stat.S_ISDIR(st.st_mode) else "a named pipe" if stat.S_ISFIFO(st.st_mode)
                else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
                else "a socket" if stat.S_ISSOCK(st.st_mode) else "not a regular file")
        raise ArticleError(f"is {kind}, not an article file")
    if st.st_size > max_bytes:
        raise ArticleError(f"is {st.st_size / 1024 / 1024:.1f} MB, over the {max_bytes / 1024 / 1024:g} MB limit "
                           f"for one article (raise it with --max-size)")


def check_article(article: Article) -> None:
    """Refuse an article whose date cannot anchor its time phrases."""
    year = article.day.year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ArticleError(f"date {article.day.isoformat()} is outside {FIRST_YEAR}–{LAST_YEAR}; "
                           f"give the right one with --date")


def printable(path: Path | str) -> str:
    """A path as one line of output: an undecodable byte or a control character in a file
    name (a newline, an ANSI escape) is shown escaped instead of breaking the line."""
    text = os.fspath(path).encode("utf-8", "backslashreplace").decode("utf-8")
    return "".join(f"\\x{ord(ch):02x}" if unicodedata.category(ch) == "Cc" else ch for ch in text)
