"""The change brief's facts: which figures the newest articles add or change, read from the
database with bounded queries (reports/changes.py lays them out). See reports/changes.py for
what counts as new, revised or conflicting."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reports.queries import (
    BriefError,
    Limits,
    ZoneFacts,
    choose_region,
    from_row,
    load_articles,
    load_figures,
    named,
)
from track.sectors import sectors

KINDS = ("new_indicator", "new_period", "revised", "conflicting")


@dataclass(frozen=True)
class Since:
    """Where the news starts: a day, or an article (by id or source id) and those after it."""

    day: str | None = None
    article: str | None = None


@dataclass
class ChangeFacts:
    """The new articles' figures, each classified, and the earlier figures they are set against."""

    zone: ZoneFacts
    since: Since
    since_day: str                          # the first day of the news (ISO)
    since_title: str | None                 # the first article's title, when the news starts at an article
    new_articles: list[int]
    classified: dict[int, str] = field(default_factory=dict)          # new figure id -> kind
    earlier: dict[int, list[int]] = field(default_factory=dict)       # new figure id -> earlier figure ids
    confirmed: int = 0
    shown: dict[str, list[int]] = field(default_factory=dict)        # kind -> new figure ids listed
    targets: list[tuple[int, int | None]] = field(default_factory=list)   # (target id, new level id)
    unlinked: list[int] = field(default_factory=list)


# The new articles: published on or after a day, or after an article (same day: by id).
_NEW_ARTICLES = """
SELECT a.id FROM article a
WHERE (a.published > :day OR (a.published = :day AND a.id >= :first))
ORDER BY a.published DESC, a.id DESC
"""

# Their figures in the brief's scope (figure_current: reviews applied; by the figure_article index).
_NEW_FIGURES = """
SELECT fc.id FROM figure_current fc
JOIN article a ON a.id = fc.article_id
WHERE fc.article_id IN (SELECT value FROM json_each(:new))
  AND (:scope IS NULL OR coalesce(fc.region_id, a.region_id) IN (SELECT value FROM json_each(:scope)))
"""

# For each new figure, by its key [indicator, region, kind, unit, period_start, period_end,
# published, article]: the latest :same figures of articles before its own (earlier articles,
# and earlier ones among the new) for the same period, the latest earlier period's, and whether the region
# had the indicator (same kind and unit) at all — each an index search (figure_points) per key,
# in one statement.
_EARLIER = """
WITH k AS (
    SELECT key AS n, json_extract(value, '$[0]') AS indicator, json_extract(value, '$[1]') AS rid,
           json_extract(value, '$[2]') AS kind, json_extract(value, '$[3]') AS unit,
           json_extract(value, '$[4]') AS ps, json_extract(value, '$[5]') AS pe,
           json_extract(value, '$[6]') AS pub, json_extract(value, '$[7]') AS aid
    FROM json_each(:keys)
)
SELECT k.n, 'same' AS what, value AS fid FROM k, json_each((
    SELECT json_group_array(id) FROM (
        SELECT f.id FROM figure f
        JOIN article a ON a.id = f.article_id AND (a.published < k.pub OR (a.published = k.pub AND a.id < k.aid))
        WHERE f.indicator_id = k.indicator AND f.region_id IS k.rid AND f.kind = k.kind AND f.unit = k.unit
          AND f.period_end = k.pe AND f.period_start = k.ps AND f.origin = 'reported'
        ORDER BY f.id DESC LIMIT :same)))         -- the latest stored: index order, no sort
UNION ALL
SELECT k.n, 'before', (
    SELECT f.id FROM figure f
    JOIN article a ON a.id = f.article_id AND (a.published < k.pub OR (a.published = k.pub AND a.id < k.aid))
    WHERE f.indicator_id = k.indicator AND f.region_id IS k.rid AND f.period_end < k.pe
      AND f.kind = k.kind AND f.unit = k.unit
    ORDER BY f.period_end DESC LIMIT 1) FROM k
UNION ALL
SELECT k.n, 'any', (
    SELECT f.id FROM figure f
    JOIN article a ON a.id = f.article_id AND (a.published < k.pub OR (a.published = k.pub AND a.id < k.aid))
    WHERE f.indicator_id = k.indicator AND f.region_id IS k.rid AND f.kind = k.kind AND f.unit = k.unit LIMIT 1)
FROM k
"""

# Targets of the indicators the new articles give levels for, in the same regions: the latest
# stored of each indicator, region, unit and horizon (by the figure_points index).
_TARGETS = """
SELECT max(f.id) AS id FROM figure f
WHERE f.indicator_id IN (SELECT value FROM json_each(:indicators))
  AND f.region_id IN (SELECT value FROM json_each(:regions)) AND f.kind = 'target'
GROUP BY f.indicator_id, f.region_id, f.unit, f.period_end
ORDER BY max(f.id) DESC LIMIT :limit
"""


def _first_article(conn: sqlite3.Connection, since: Since) -> tuple[str, int, str | None]:
    """(day, first article id, its title) where the news starts."""
    if since.article is not None:
        ref = since.article.strip()
        rows = named(conn, "SELECT published, id, title FROM article WHERE source_id = ? OR (CAST(id AS TEXT) = ?)",
                     (ref, ref))
        if not rows:
            raise BriefError(f"no article {ref!r} (give an article id or a source id such as 沧州日报/content_66129)")
        return str(rows[0]["published"]), int(rows[0]["id"]), str(rows[0]["title"])
    try:
        day = date.fromisoformat(str(since.day)).isoformat()
    except ValueError:
        raise BriefError(f"--since must be a date YYYY-MM-DD, not {since.day!r}") from None
    return day, 0, None


def _key(f: "_Light", published: dict[int, str]) -> list[Any]:
    return [f.indicator_id, f.region_id, f.kind, f.unit, f.period_start, f.period_end, published[f.article_id],
            f.article_id]


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))


@dataclass(frozen=True)
class _Light:
    """What comparing needs of a figure (no sentence): the new articles' figures are many."""

    id: int
    article_id: int
    seq: int
    origin: str
    value: float
    unit: str
    kind: str
    period_start: str | None
    period_end: str | None
    indicator_id: str | None
    region_id: int | None
    sector: str
    qualifier: str


# The new figures, as reviewed, without their sentences.
_LIGHT = """
SELECT fc.id, fc.article_id, fc.seq, fc.origin, fc.value, fc.unit, fc.kind, fc.period_start, fc.period_end,
       fc.indicator_id, coalesce(fc.region_id, a.region_id) AS region_id, coalesce(i.sector, fc.sector) AS sector,
       fc.qualifier
FROM figure_current fc
JOIN article a ON a.id = fc.article_id
LEFT JOIN indicator i ON i.id = fc.indicator_id
WHERE fc.id IN (SELECT value FROM json_each(:ids))
"""


def _lights(conn: sqlite3.Connection, ids: set[int] | list[int]) -> list[_Light]:
    """Figures as reviewed, without their sentences, each under its sector in the one vocabulary."""
    if not ids:
        return []
    vocabulary = sectors()
    return [from_row(_Light, r, sector=vocabulary.canonical(r["sector"]))
            for r in named(conn, _LIGHT, {"ids": json.dumps(sorted(ids))})]


def _articles(conn: sqlite3.Connection, column: str, ids: set[int] | list[int]) -> dict[int, str]:
    """One column of some articles (published, or paper), by article id."""
    return {r["id"]: r["v"] for r in named(
        conn, f"SELECT id, {column} AS v FROM article WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(ids)),))}


def _compare(conn: sqlite3.Connection, facts: ChangeFacts, figures: list[_Light], limits: Limits) -> dict[int, int]:
    """Each new linked level or share against the earlier articles: classified into facts (the
    earlier figures of a revised or conflicting one kept); returns the latest earlier period's
    figure of each new period (0: none)."""
    compared = [f for f in figures if f.indicator_id and f.kind in ("level", "share") and f.origin == "reported"]
    published = _articles(conn, "published", facts.new_articles)
    found: dict[int, dict[str, list[int]]] = {}
    if compared:
        keys = [_key(f, published) for f in compared]
        for r in named(conn, _EARLIER, {"keys": json.dumps(keys), "same": limits.same_reports}):
            if r["fid"] is not None:
                found.setdefault(int(r["n"]), {}).setdefault(r["what"], []).append(int(r["fid"]))
    # The values of the same periods, to compare (as reviewed).
    earlier = {f.id: f for f in _lights(conn, {i for hits in found.values() for i in hits.get("same", [])})}
    papers = _articles(conn, "coalesce(paper, '')", {f.article_id for f in [*figures, *earlier.values()]})
    before: dict[int, int] = {}
    for n, f in enumerate(compared):
        hits = found.get(n, {})
        same = [earlier[i] for i in hits.get("same", []) if i in earlier]
        if same:
            differ = [e for e in same if not _same(e.value, f.value)]
            if not differ:
                facts.confirmed += 1
                continue
            own = [e for e in differ if papers.get(e.article_id) == papers.get(f.article_id)]
            facts.classified[f.id] = "revised" if own else "conflicting"
            facts.earlier[f.id] = [e.id for e in (own or differ)][:limits.other_reports]
        elif hits.get("any"):
            facts.classified[f.id] = "new_period"
            before[f.id] = hits["before"][0] if hits.get("before") else 0
        else:
            facts.classified[f.id] = "new_indicator"
    return before


def _choose_shown(facts: ChangeFacts, figures: list[_Light], before: dict[int, int], limits: Limits) -> None:
    """What is shown of each kind: the catalog's sectors in order, the newest article first; the
    rest is counted."""
    vocabulary = sectors()
    article_rank = {a: i for i, a in enumerate(facts.new_articles)}
    by_id = {f.id: f for f in figures}
    for kind in KINDS:
        chosen = sorted((i for i, k in facts.classified.items() if k == kind),
                        key=lambda i: (vocabulary.order(by_id[i].sector), article_rank.get(by_id[i].article_id, 0),
                                       by_id[i].seq))
        facts.shown[kind] = chosen[:limits.rows_per_sector * 2]
    for i in facts.shown["new_period"]:
        facts.earlier[i] = [before[i]] if before.get(i) else []


def _targets(conn: sqlite3.Connection, facts: ChangeFacts, figures: list[_Light], limits: Limits) -> None:
    """Targets against the new levels, and the targets the new articles set."""
    levels = [f for f in figures if f.kind == "level" and f.indicator_id and f.origin == "reported"]
    target_ids = {f.id for f in figures if f.kind == "target"}
    if levels:
        target_ids |= {r["id"] for r in named(conn, _TARGETS, {
            "indicators": json.dumps(sorted({f.indicator_id for f in levels})),
            "regions": json.dumps(sorted({f.region_id for f in levels if f.region_id is not None})),
            "limit": limits.targets * 4})}
    targets = sorted(_lights(conn, target_ids), key=lambda t: -t.id)
    for t in targets[:limits.targets]:
        level = _level_for(t, levels)
        if level is not None or t.article_id in facts.new_articles:
            facts.targets.append((t.id, level.id if level else None))


def _shown_ids(facts: ChangeFacts, figures: list[_Light], limits: Limits) -> set[int]:
    """Every figure the brief shows: those listed, what they are set against, the targets and their
    levels, the first unlinked figures, and the growth rate an article gives beside a level it
    lists (the change column quotes it). Only these are read whole (sentence and all)."""
    by_id = {f.id: f for f in figures}
    listed = {i for ids_ in facts.shown.values() for i in ids_}
    shown = {*listed, *(e for i in listed for e in facts.earlier.get(i, [])),
             *(i for pair in facts.targets for i in pair if i is not None), *facts.unlinked[:limits.rows_per_sector]}
    rows = {(by_id[i].article_id, by_id[i].indicator_id, by_id[i].period_end) for i in listed}
    return shown | {f.id for f in figures if f.kind == "change" and f.indicator_id
                    and (f.article_id, f.indicator_id, f.period_end) in rows}


def load_changes(conn: sqlite3.Connection, since: Since, region_name: str | None = None,
                 limits: Limits | None = None) -> ChangeFacts:
    limits = limits or Limits()
    region = choose_region(conn, region_name)
    day, first, title = _first_article(conn, since)
    new = [r["id"] for r in named(conn, _NEW_ARTICLES, {"day": day, "first": first})]
    ids = {r["id"] for r in named(conn, _NEW_FIGURES, {"scope": region.ids, "new": json.dumps(new)})} if new else set()
    if not ids:
        where = f" about {region.name}" if region.name else ""
        raise BriefError(f"no article since {title or day} gives figures{where}; nothing has changed")
    figures = _lights(conn, ids)
    about = {f.article_id for f in figures}
    facts = ChangeFacts(zone=ZoneFacts(region=region, limits=limits), since=since, since_day=day, since_title=title,
                        new_articles=[a for a in new if a in about])         # those about the brief's region
    before = _compare(conn, facts, figures, limits)
    _choose_shown(facts, figures, before, limits)
    _targets(conn, facts, figures, limits)
    facts.unlinked = [f.id for f in figures if not f.indicator_id and f.origin == "reported"]
    shown_facts = load_figures(conn, _shown_ids(facts, figures, limits))
    articles = load_articles(conn, {f.article_id for f in shown_facts})        # newest first
    order = {a.id: i for i, a in enumerate(articles)}
    shown_facts.sort(key=lambda f: (order.get(f.article_id, 0), f.seq))
    facts.zone = ZoneFacts(region=region, articles=articles, figures=shown_facts, limits=limits,
                           n_articles=len(facts.new_articles), n_figures=len(ids),
                           latest=articles[0].published if articles else None)
    return facts


def _level_for(target: "_Light", levels: list["_Light"]) -> "_Light | None":
    """The new level a target is measured against: same indicator, region and unit, within its
    horizon; the latest period, then the latest article."""
    horizon = target.period_end or target.period_start
    fitting = [f for f in levels if f.indicator_id == target.indicator_id and f.region_id == target.region_id
               and f.unit == target.unit and (not horizon or (f.period_end or "") <= horizon)]
    return max(fitting, key=lambda f: (f.period_end or "", f.article_id), default=None)
