"""The full-text index (article_fts, figure_fts in schema.sql): the rows ingest writes for an
article and its reported figures, as segmented text (common.text_index).

Deleting a figure or an article deletes its search row by trigger (schema.sql), so rows never
outlive what they index; derived figures are recomputed outside ingest (zone review) and are
not indexed.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Iterable

from common.text_index import search_text

# A figure is found by the words of its own clause of the sentence, not by the whole sentence:
# 产值 should find 32.21亿元 in "…贡献产值32.21亿元,占…", not 50余家 three clauses before it.
CLAUSE_BREAK = re.compile(r"[,，;；:：。!！?？\n]")

# A clause is read at most this far on each side of its figure: sentences are stored whole,
# and a "sentence" of 8,000 counts joined by 、 has no clause break, so each figure's index
# row would otherwise hold all of it (and finding the clause would cost its length).
CLAUSE_REACH = 60


def figure_clause(sentence: str, start: int, end: int) -> str:
    """The clause of ``sentence`` around the figure at [start, end) (offsets into the sentence),
    at most CLAUSE_REACH characters on each side of the figure."""
    start = max(0, min(start, len(sentence)))
    end = max(start, min(end, len(sentence)))
    low, high = max(0, start - CLAUSE_REACH), min(len(sentence), end + CLAUSE_REACH)
    before = [m.end() for m in CLAUSE_BREAK.finditer(sentence, low, start)]
    after = CLAUSE_BREAK.search(sentence, end, high)
    return sentence[before[-1] if before else low:after.start() if after else high]


@dataclass(frozen=True)
class SearchTexts:
    """An article's search texts before it has ids: its (title, text) and, for each of its
    reported figures in order, (subject, clause). Made from nothing but the article and its
    figures, so a pool worker makes them (ingest.pipeline.prepare), not the one writer."""

    article: tuple[str, str]
    figures: list[tuple[str, str]]


@dataclass(frozen=True)
class SearchRows:
    """The search rows of one article: (rowid, title, text) and its figures' (rowid, subject, clause)."""

    article: tuple[int, str, str]
    figures: list[tuple[int, str, str]]


def search_texts(title: str, text: str, figures: Iterable[tuple[str, tuple[int, str], int, int]]) -> SearchTexts:
    """The search texts of an article and of its reported figures, each figure given as
    (subject, its (start, text) sentence, start, end) with offsets into the article."""
    return SearchTexts((search_text(title), search_text(text)),
                       [(search_text(subject), search_text(figure_clause(sentence, start - offset, end - offset)))
                        for subject, (offset, sentence), start, end in figures])


def search_rows(article_id: int, texts: SearchTexts, figure_ids: list[int]) -> SearchRows:
    """The rows of ``texts`` once the article and its figures (``figure_ids``, in order) are stored."""
    if len(figure_ids) != len(texts.figures):
        raise ValueError(f"search texts for {len(texts.figures)} figures, {len(figure_ids)} stored")
    return SearchRows((article_id, *texts.article), [(i, *t) for i, t in zip(figure_ids, texts.figures)])


def write_search_rows(conn: sqlite3.Connection, rows: Iterable[SearchRows]) -> None:
    """Write (or rewrite) the search rows of articles, in the caller's transaction.

    Many articles at once cost less than one at a time: FTS5 writes what it was given as a new
    segment of its index at every savepoint's end, so ingest's writer (one savepoint per
    article) holds them until it commits (ingest.pipeline.Writer)."""
    rows = list(rows)
    conn.executemany("DELETE FROM article_fts WHERE rowid = ?", [(r.article[0],) for r in rows])
    conn.executemany("INSERT INTO article_fts (rowid, title, text) VALUES (?, ?, ?)", [r.article for r in rows])
    conn.executemany("DELETE FROM figure_fts WHERE rowid = ?", [(f[0],) for r in rows for f in r.figures])
    conn.executemany("INSERT INTO figure_fts (rowid, subject, clause) VALUES (?, ?, ?)",
                     [f for r in rows for f in r.figures])


def index_article(conn: sqlite3.Connection, article_id: int) -> None:
    """(Re)write the search rows of one article and of its reported figures from what the
    database holds, inside the caller's transaction (ingest.store.save_article makes them from
    the rows it has just written instead of reading them back)."""
    title, text = conn.execute("SELECT title, text FROM article WHERE id = ?", (article_id,)).fetchone()
    # Each sentence read once, not once per figure: a sentence may hold thousands.
    sentences = {i: (start, text) for i, start, text in conn.execute(
        "SELECT id, start, text FROM sentence WHERE article_id = ?", (article_id,))}
    figures = conn.execute("SELECT id, subject, sentence_id, start, \"end\" FROM figure "
                           "WHERE article_id = ? AND origin = 'reported'", (article_id,)).fetchall()
    texts = search_texts(title, text, [(subject, sentences[sid], start, end) for _, subject, sid, start, end in figures])
    write_search_rows(conn, [search_rows(article_id, texts, [f[0] for f in figures])])


def backfill_search(conn: sqlite3.Connection) -> int:
    """Index the articles that have no search row, or a reported figure without one: all of
    them in a database built before the index existed (run whenever schema.sql is applied).
    Returns how many articles were indexed."""
    ids = [i for (i,) in conn.execute(
        "SELECT id FROM article WHERE id NOT IN (SELECT rowid FROM article_fts) "
        "UNION SELECT article_id FROM figure WHERE origin = 'reported' AND id NOT IN (SELECT rowid FROM figure_fts) "
        "ORDER BY 1")]
    if not ids:
        return 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        for article_id in ids:
            index_article(conn, article_id)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return len(ids)
