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

import sqlite3
from dataclasses import dataclass
from datetime import date

from common.formatting import format_day, format_period, format_value
from reports.change_facts import KINDS, ChangeFacts, Since, load_changes
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
    FigureFact,
)
from reports.tables import figure_row, table_section
from track.sectors import sectors

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
    shown = rows[:ctx.facts.limits.rows_per_sector]
    more = ctx.labels["more_changes"].format(n=len(changes.unlinked) - len(shown)) \
        if len(changes.unlinked) > len(shown) else None
    return table_section("changes-other", ctx.labels["changes_other"], shown, more)


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

