"""Queries for the Chinese full-text index: what a person types -> an FTS5 MATCH expression.

The index (schema.sql article_fts, figure_fts) holds text segmented by
ingest.store.search_text: each run of Han characters as its overlapping bigrams and its last
character. A query is segmented the same way:

- a run of two or more Han characters is the phrase of its bigrams: 签约项目 -> "签约 约项 项目",
  which matches exactly where 签约项目 occurs;
- a single Han character is a prefix query, "汽"*, which finds it anywhere (every character
  starts a bigram or ends its run);
- anything else (PM2.5, GDP, 32.21) is a quoted phrase for FTS5's unicode61 tokenizer;
- words separated by spaces must all occur (AND); OR between two words is kept; a word
  mixing Han and other characters (产值32.21亿元) needs each of its pieces;
- "quoted words" keep their spaces as a phrase.

Nothing the user types reaches FTS5's syntax: quotes are stripped and every piece is quoted,
so a query never fails to parse, and text with no searchable character matches nothing.
Registered by browse/plugin.py as the SQL function escape_fts, the name Datasette's table
search calls, so ?_search= and the search box use it, and as zone_fts for canned queries.
"""
from __future__ import annotations

import re

from common.text_index import HAN

MATCH_NOTHING = '""'
_TERM = re.compile(r'"([^"]*)"?|(\S+)')
_PIECE = re.compile(f"([{HAN}]+)|([^\\s{HAN}]+)")
_SEARCHABLE = re.compile(r"\w")


def _pieces(term: str) -> list[str]:
    out: list[str] = []
    for han, other in _PIECE.findall(term):
        if han:
            if len(han) == 1:
                out.append(f'"{han}"*')
            else:
                out.append('"' + " ".join(han[i:i + 2] for i in range(len(han) - 1)) + '"')
        elif _SEARCHABLE.search(other):
            out.append('"' + other.replace('"', " ") + '"')
    return out


def fts_query(query: str | None) -> str:
    """The FTS5 MATCH expression for a search typed by a person (see the module's docstring)."""
    if not query:
        return MATCH_NOTHING
    parts: list[str] = []
    for quoted, word in _TERM.findall(query):
        if word == "OR":
            if parts and parts[-1] != "OR":
                parts.append("OR")
            continue
        pieces = _pieces(quoted if quoted else word)
        if not pieces:
            continue
        if parts and parts[-1] != "OR":
            parts.append("AND")  # explicit: FTS5 takes no implicit AND next to a parenthesis
        parts.append(pieces[0] if len(pieces) == 1 else "(" + " AND ".join(pieces) + ")")
    while parts and parts[-1] == "OR":
        parts.pop()
    return " ".join(parts) or MATCH_NOTHING
