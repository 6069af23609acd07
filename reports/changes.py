"""The change brief: what the newest articles add to or change in what the database knew.

`zone brief --since DATE` (articles published that day or later) or `--since-article ID`
(that article and every later one). Each linked figure of those articles is compared with the
figures of the earlier articles for the same indicator, region, kind and unit:

- a new indicator: the region had no figure of it before;
- a new period: it had, but not for this period (shown against the latest earlier period);
- a revised value: the same paper gives another value for a period it reported before;
- a conflicting value: another paper gave another value for the same period;
- a confirmation: the same value again (counted, not listed).

Targets are set against the new levels: reached, missed (the target's period is over and the
level falls short) or in progress; targets the new articles set are listed too. Unlinked
figures of the new articles are listed by sector. Everything is read with bounded queries:
the new articles by date (index), their figures by article, the earlier figures of their
indicators by the figure_series index — never the whole database.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from common.formatting import format_day, format_period, format_value
from reports.document import (
    ARROWS,
    Brief,
    Context,
    CoverFact,
    Section,
    figure_anchor,
    format_amount,
    indicator_label,
    make_context,
    region_label,
    zone_heading,
)
from reports.evidence import evidence_section, sources_section
from reports.queries import (
    BriefError,
    FigureFact,
    Limits,
    ZoneFacts,
    choose_region,
    from_row,
    load_articles,
    load_figures,
    named,
)
from reports.tables import SectorTable, figure_row
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


# ---------------------------------------------------------------- the brief's data

@dataclass(frozen=True)
class ChangeRow:
    number: int
    anchor: str
    kind: str                   # new_indicator | new_period | revised | conflicting
    label: str
    label_quoted: bool
    value: str
    period: str
    sources: tuple[int, ...]
    earlier: tuple[tuple[str, str, tuple[int, ...], int], ...]   # (value, period, sources, F-number) set against it
    change: str | None          # the growth the article reports, else the change on the earlier period
    tag: str
    region: str | None = None


@dataclass(frozen=True)
class ChangeTable:
    intro: str
    rows: list[ChangeRow]
    more: str | None = None


@dataclass(frozen=True)
class TargetChange:
    number: int
    anchor: str
    label: str
    value: str
    horizon: str
    sources: tuple[int, ...]
    level: str | None
    level_period: str | None
    level_number: int | None
    level_sources: tuple[int, ...]
    status: str                 # reached | missed | progress | set
    status_text: str
    new: bool                   # the target itself is in a new article


def _alike(a: FigureFact, b: FigureFact) -> bool:
    """Periods of about the same length (a year and a year), so that a change means something."""
    from reports.series import period_days
    da, db = period_days(a.period_start, a.period_end), period_days(b.period_start, b.period_end)
    return da is not None and db is not None and abs(da - db) <= max(3, 0.05 * max(da, db))


def _label(ctx: Context, f: FigureFact) -> tuple[str, bool]:
    name = indicator_label(f.indicator_name, f.indicator_name_en, ctx.lang)
    return (name, False) if name else (f.subject or f.text, True)


def _change_text(ctx: Context, f: FigureFact, before: FigureFact | None) -> str | None:
    t = ctx.labels
    reported = next((g for g in ctx.facts.figures if g.kind == "change" and g.article_id == f.article_id
                     and g.indicator_id == f.indicator_id and g.period_end == f.period_end
                     and g.unit == "%" and g.direction in ARROWS), None)
    if reported is not None:
        sign = "+" if reported.direction == "up" else "−"
        return t["yoy"].format(v=sign + format_value(reported.value, "%", lang=ctx.lang))
    if before is not None and before.value:
        if not _alike(f, before):
            return t["not_comparable_short"]
        delta = f.value - before.value
        sign = "+" if delta > 0 else "−" if delta < 0 else "±"
        return t["vs_period"].format(v=f"{sign}{abs(delta) / abs(before.value) * 100:.1f}%",
                                     p=format_period(before.period_start, before.period_end, ctx.lang))
    return None


def change_sections(ctx: Context, changes: ChangeFacts) -> list[Section]:
    t = ctx.labels
    by_id = {f.id: f for f in ctx.facts.figures}
    vocabulary = sectors()
    sections: list[Section] = []
    for kind in KINDS:
        keyed = []
        for fid in changes.shown.get(kind, []):
            if fid not in by_id:
                continue
            f = by_id[fid]
            earlier = [by_id[i] for i in changes.earlier.get(fid, []) if i in by_id]
            number = ctx.figure_numbers[f.id]
            label, quoted = _label(ctx, f)
            keyed.append((vocabulary.order(f.sector), number, ChangeRow(
                number=number, anchor=figure_anchor(number), kind=kind, label=label, label_quoted=quoted,
                value=format_amount(f, ctx.lang), period=format_period(f.period_start, f.period_end, ctx.lang),
                sources=(ctx.source_numbers[f.article_id],),
                earlier=tuple((format_amount(e, ctx.lang), format_period(e.period_start, e.period_end, ctx.lang),
                               (ctx.source_numbers[e.article_id],), ctx.figure_numbers[e.id]) for e in earlier),
                change=_change_text(ctx, f, earlier[0] if kind == "new_period" and earlier else None)
                if kind in ("new_indicator", "new_period") else None,
                tag=t[f"tag_{kind}"], region=region_label(f, ctx.lang) if ctx.facts.region.several else None)))
        rows = [row for _, _, row in sorted(keyed, key=lambda item: item[:2])]
        if not rows:
            continue
        shown = rows
        total = sum(1 for k in changes.classified.values() if k == kind)
        more = t["more_changes"].format(n=total - len(shown)) if total > len(shown) else None
        sections.append(Section(kind="changes", anchor=f"changes-{kind}", title=t[f"changes_{kind}"],
                                data=ChangeTable(intro=t[f"changes_{kind}_intro"], rows=shown, more=more),
                                count=len(shown), part=t["what_changed"], part_anchor="changes"))
    return sections


def target_section(ctx: Context, changes: ChangeFacts) -> list[Section]:
    t = ctx.labels
    by_id = {f.id: f for f in ctx.facts.figures}
    rows = []
    for tid, lid in changes.targets:
        target, level = by_id.get(tid), by_id.get(lid) if lid else None
        if target is None:
            continue
        number = ctx.figure_numbers[target.id]
        if level is None:
            status, text = "set", t["target_set"]
        else:
            below = target.qualifier in ("at_most", "less_than")
            reached = level.value <= target.value if below else level.value >= target.value
            over = (level.period_end or "") >= (target.period_end or "9999")
            if reached:
                status, text = "reached", t["reached"]
            elif over:
                status, text = "missed", t["missed"]
            else:
                status = "progress"
                text = t["progress_pct"].format(p=f"{level.value / target.value * 100:.1f}".rstrip("0").rstrip(".")) \
                    if target.value and not below else t["not_reached"]
        label, _ = _label(ctx, target)
        rows.append(TargetChange(
            number=number, anchor=figure_anchor(number), label=label, value=format_amount(target, ctx.lang),
            horizon=format_period(target.period_start, target.period_end, ctx.lang),
            sources=(ctx.source_numbers[target.article_id],),
            level=format_amount(level, ctx.lang) if level else None,
            level_period=format_period(level.period_start, level.period_end, ctx.lang) if level else None,
            level_number=ctx.figure_numbers[level.id] if level else None,
            level_sources=(ctx.source_numbers[level.article_id],) if level else (),
            status=status, status_text=text, new=target.article_id in changes.new_articles))
    if not rows:
        return []
    order = {"reached": 0, "missed": 1, "progress": 2, "set": 3}
    rows.sort(key=lambda r: (order[r.status], r.number))
    return [Section(kind="target_changes", anchor="target-changes", title=t["changes_targets"],
                    data=rows, count=len(rows))]


def unlinked_section(ctx: Context, changes: ChangeFacts) -> list[Section]:
    """The new articles' figures no indicator claims, by sector: news too, but not yet a series."""
    wanted = set(changes.unlinked)
    vocabulary = sectors()
    groups: dict[str, list[list[FigureFact]]] = {}
    for f in ctx.facts.figures:
        if f.id in wanted:
            groups.setdefault(f.sector, []).append([f])
    rows = [figure_row(ctx, g) for sector in sorted(groups, key=vocabulary.order) for g in groups[sector]]
    if not rows:
        return []
    shown = rows[:ctx.facts.limits.rows_per_sector]
    more = ctx.labels["more_changes"].format(n=len(changes.unlinked) - len(shown)) \
        if len(changes.unlinked) > len(shown) else None
    return [Section(kind="sector", anchor="changes-other", title=ctx.labels["changes_other"],
                    data=SectorTable(name=ctx.labels["changes_other"], rows=shown, targets=[], more=more),
                    count=len(shown))]


def build_change_brief(changes: ChangeFacts, lang: str = "zh", today: date | None = None) -> Brief:
    ctx = make_context(changes.zone, lang)
    t = ctx.labels
    sections = [*change_sections(ctx, changes), *target_section(ctx, changes), *unlinked_section(ctx, changes),
                *sources_section(ctx), *evidence_section(ctx)]
    counts = {k: sum(1 for v in changes.classified.values() if v == k) for k in KINDS}
    summary = t["changes_summary"].format(
        articles=len(changes.new_articles), figures=changes.zone.n_figures,
        new=counts["new_indicator"], periods=counts["new_period"], revised=counts["revised"],
        conflicting=counts["conflicting"], confirmed=changes.confirmed,
        reached=sum(1 for s in sections if s.kind == "target_changes" for r in s.data if r.status == "reached"),
        missed=sum(1 for s in sections if s.kind == "target_changes" for r in s.data if r.status == "missed"))
    heading, alt = zone_heading(ctx)
    generated = (today or date.today()).isoformat()
    cover = [CoverFact(t["new_articles"], str(len(changes.new_articles)), t["articles_unit"]),
             CoverFact(t["changes_new_indicator"], str(counts["new_indicator"]), ""),
             CoverFact(t["changes_new_period"], str(counts["new_period"]), ""),
             CoverFact(t["changes_revised_short"], str(counts["revised"] + counts["conflicting"]), "")]
    since = t["since_article"].format(day=format_day(changes.since_day, lang), title=changes.since_title) \
        if changes.since_title else t["since_day"].format(day=format_day(changes.since_day, lang))
    return Brief(lang=lang, labels=t, report=t["report_changes"], heading=heading, heading_alt=alt,
                 as_of=changes.zone.as_of, generated=generated, facts=cover, sections=sections,
                 scope=f"{since} {summary}", kind="changes", n_figures=changes.zone.n_figures or 0,
                 n_articles=len(changes.new_articles))


def make_change_brief(conn: sqlite3.Connection, since: Since, region: str | None = None, lang: str = "zh",
                      today: date | None = None) -> Brief:
    return build_change_brief(load_changes(conn, since, region), lang=lang, today=today)

