"""A person's decisions on figures: the queue of figures that need one, and recording them.

Reviews are rows of the review table keyed on figure.fkey (article, sentence, figure text,
occurrence), not on figure.id, which changes when an article is re-extracted. The
figure_current view applies the latest review of each kind when reading, so a decision
survives `zone ingest --force` and improved extraction rules, as long as the sentence and
the figure's text stay the same.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from ingest.catalog import Catalog, CatalogError, apply_catalog, catalog
from ingest.catalog import model as catalog_files
from ingest.catalog.propose import Proposal, stage_proposal
from ingest.derive import derive_figures
from ingest.store import rows as query_rows

ACTIONS = ("accept", "reject", "relink", "correct", "prefer")
# A linked figure whose runner-up indicator scores this close is 'uncertain'.
UNCERTAIN_MARGIN = 15.0


class ReviewError(ValueError):
    """A review that cannot be recorded; the message says why."""


@dataclass(frozen=True)
class Target:
    figure_id: int
    fkey: str
    article_id: int


def resolve(conn: sqlite3.Connection, ref: str | int) -> Target:
    """A figure by its id (as listed now) or its fkey (stable)."""
    text = str(ref).strip()
    row = None
    if text.isdigit():
        row = conn.execute("SELECT id, fkey, article_id FROM figure WHERE id = ?", (int(text),)).fetchone()
    if row is None:
        row = conn.execute("SELECT id, fkey, article_id FROM figure WHERE fkey = ?", (text,)).fetchone()
    if row is None:
        raise ReviewError(f"no figure {text!r} (give a figure id from `zone review` or a figure key)")
    return Target(int(row[0]), str(row[1]), int(row[2]))


def _iso(day: str | None, name: str) -> str | None:
    if day is None:
        return None
    try:
        return date.fromisoformat(day).isoformat()
    except ValueError:
        raise ReviewError(f"{name} must be a date YYYY-MM-DD, not {day!r}") from None


def record(conn: sqlite3.Connection, ref: str | int, action: str, indicator: str | None = None,
           value: float | None = None, period_start: str | None = None, period_end: str | None = None,
           note: str | None = None) -> Target:
    """Store one decision and recompute the article's derived figures, in one transaction."""
    if action not in ACTIONS:
        raise ReviewError(f"unknown action {action!r}; one of {', '.join(ACTIONS)}")
    target = resolve(conn, ref)
    period_start, period_end = _iso(period_start, "--period-start"), _iso(period_end, "--period-end")
    if action == "relink":
        if not indicator:
            raise ReviewError("relink needs an indicator id")
        if conn.execute("SELECT 1 FROM indicator WHERE id = ?", (indicator,)).fetchone() is None:
            raise ReviewError(f"no indicator {indicator!r} in the catalog (ingest/indicators.yaml)")
    if action == "correct":
        if value is None and period_start is None and period_end is None:
            raise ReviewError("correct needs --value, --period-start or --period-end")
        # A correction of one field keeps the fields an earlier correction set.
        prev = conn.execute("SELECT value, period_start, period_end FROM review WHERE fkey = ? AND action = 'correct' "
                            "ORDER BY id DESC LIMIT 1", (target.fkey,)).fetchone()
        if prev:
            value = prev[0] if value is None else value
            period_start = prev[1] if period_start is None else period_start
            period_end = prev[2] if period_end is None else period_end
        current = conn.execute("SELECT period_start, period_end FROM figure WHERE id = ?", (target.figure_id,)).fetchone()
        start, end = period_start or current[0], period_end or current[1]
        if start and end and end < start:
            raise ReviewError(f"period ends ({end}) before it starts ({start})")
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "INSERT INTO review (fkey, action, indicator_id, value, period_start, period_end, note, reviewed_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (target.fkey, action, indicator if action == "relink" else None,
             value if action == "correct" else None, period_start if action == "correct" else None,
             period_end if action == "correct" else None, note,
             datetime.now(timezone.utc).isoformat(timespec="seconds")))
        derive_figures(conn, target.article_id)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return target


@dataclass(frozen=True)
class Proposed:
    target: Target
    indicator: str
    name: str
    new: bool          # False: the catalog had the combination, the figure was relinked to it


def propose(conn: sqlite3.Connection, ref: str | int, proposal: Proposal) -> Proposed:
    """A reviewer's combination of dimensions for a figure: a new indicator in the catalog's
    reviewed.yaml (or the catalog's own, when it has the combination) and the figure relinked
    to it. The file is put in place only once the relink is stored; a bad proposal writes
    nothing. Every article is linked against the new catalog on the next ingest."""
    target = resolve(conn, ref)
    try:
        staged = stage_proposal(catalog(), proposal, target.fkey, catalog_files.REVIEWED_PATH)
    except CatalogError as e:
        raise ReviewError(str(e)) from None
    try:
        apply_catalog(conn, staged.catalog)
        note = proposal.note or (f"proposed {staged.indicator.id}" if staged.new else None)
        record(conn, target.fkey, "relink", staged.indicator.id, note=note)
    except BaseException:
        staged.discard()
        raise
    staged.commit()
    return Proposed(target, staged.indicator.id, staged.indicator.name, staged.new)


def uncertain(conn: sqlite3.Connection, cat: Catalog | None = None) -> list[dict[str, Any]]:
    """Linked, undecided figures whose link is close to another indicator's.

    The margin was scored at ingest (figure.link_margin, see ingest.catalog.link_confidence)
    and the figure_link_margin index finds the few figures under the threshold. ``cat`` is
    accepted for callers of the older signature and not used.
    """
    rows = query_rows(conn, """
        SELECT fc.id AS figure_id, fc.fkey, fc.text, fc.value, fc.unit, fc.kind, fc.subject, fc.sentence, fc.indicator_id,
               fc.period_start, fc.period_end, fc.article_id, fc.paragraph, fc.start, fc.sentence_start, fc.sector,
               fc.section, a.paper, a.published, a.title, f.link_rival, f.link_margin
        FROM figure f
        JOIN figure_current fc ON fc.id = f.id
        JOIN article a ON a.id = fc.article_id
        WHERE f.link_margin < ? AND f.indicator_id IS NOT NULL
          AND fc.origin = 'reported' AND fc.decision IS NULL AND NOT fc.relinked AND NOT fc.corrected
        ORDER BY fc.article_id, fc.seq""", (UNCERTAIN_MARGIN,))
    for r in rows:
        r["reason"] = f"uncertain: also fits {r['link_rival']}"
    return rows


QUEUE_COLUMNS = ("figure_id", "fkey", "text", "value", "unit", "kind", "subject", "sentence", "indicator_id",
                 "period_start", "period_end", "paper", "published", "title", "reason")


def queue(conn: sqlite3.Connection, cat: Catalog | None = None) -> list[dict[str, Any]]:
    """Figures waiting for a person: unlinked, in conflict, contradicted by a derived figure,
    doubled within an article (review_queue view), or uncertainly linked."""
    rows = query_rows(conn, f"SELECT {', '.join(QUEUE_COLUMNS)} FROM review_queue ORDER BY published, figure_id")
    seen = {r["figure_id"] for r in rows}
    rows += [{k: r[k] for k in QUEUE_COLUMNS} for r in uncertain(conn, cat) if r["figure_id"] not in seen]
    return rows

