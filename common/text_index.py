"""How text is segmented for the full-text index: the one definition that ingest (which
writes the index) and browse (which rewrites the user's query the same way) both use. It
imports nothing of zone's."""
from __future__ import annotations

import re

# SQLite's tokenizers cannot read Chinese: unicode61 takes a whole run of Han characters as
# one token and trigram never matches a word under three characters (产值, 汽车). So the
# index is fed segmented text: every run of Han characters becomes its overlapping bigrams
# followed by its last character (汽车产业 -> 汽车 车产 产业 业), everything else is left to
# unicode61. A word of two or more characters is then the phrase of its bigrams (browse/search.py
# rewrites queries the same way), which matches exactly where the word occurs inside a run;
# one character is a prefix query ("汽"*), which the trailing character makes complete.
HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_RUN = re.compile(f"[{HAN}]+")


def search_text(text: str | None) -> str:
    """Text as the search index stores it (see HAN_RUN above)."""
    if not text:
        return ""
    return HAN_RUN.sub(_bigrams, text)


def _bigrams(m: re.Match[str]) -> str:
    run = m.group()
    return " " + " ".join(map(str.__add__, run, run[1:])) + (" " if len(run) > 1 else "") + run[-1] + " "
