"""The indicator brief: one indicator across regions and years — its definition from the
catalog, a series (table and chart) per region, the regions with a single report, its
targets against the latest level, and every source of every value.

`zone brief --indicator ID` (id, Chinese or English name), optionally `--region` for a region
and the regions inside it. Bounded: the indicator's series per region are found in the
figure_points index, and only their latest periods are read from the series view (which ranks
only the points asked for), so the cost follows what the brief shows, not the database.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from common.units import unit_en
from reports.document import Brief, Context, CoverFact, Section, capitalised, make_context
from reports.evidence import evidence_section, sources_section
from reports.queries import (
    POINT_FROM_SERIES,
    BriefError,
    Limits,
    Region,
    Row,
    SeriesPoint,
    ZoneFacts,
    choose_region,
    from_row,
    load_articles,
    load_figures,
    load_points,
    named,
    series_point,
    with_sources,
)
from reports.series import PointGroup, level_groups, level_series, shown_groups
from reports.series_section import SeriesData, series_blocks
from reports.tables import figure_row, table_section
from reports.targets import targets_section
from track.sectors import sectors

# The indicator's series, one per unit and region, from the figure_points index alone: periods,
# whether one is reported, the latest, and the cut-off of the latest :periods.
_SERIES = """
WITH k AS (
    SELECT DISTINCT f.unit AS unit, f.region_id AS rid FROM figure f
    WHERE f.indicator_id = :indicator AND f.kind = 'level'
      AND (:scope IS NULL OR f.region_id IN (SELECT value FROM json_each(:scope)))
)
SELECT k.unit, k.rid,
       (SELECT count(*) FROM (SELECT DISTINCT f.period_start, f.period_end FROM figure f
                              WHERE f.indicator_id = :indicator AND f.region_id IS k.rid AND f.kind = 'level'
                                AND f.unit = k.unit)) AS periods,
       (SELECT max(f.origin = 'reported') FROM figure f
        WHERE f.indicator_id = :indicator AND f.region_id IS k.rid AND f.kind = 'level' AND f.unit = k.unit) AS reported,
       (SELECT max(f.period_end) FROM figure f
        WHERE f.indicator_id = :indicator AND f.region_id IS k.rid AND f.kind = 'level' AND f.unit = k.unit) AS latest,
       (SELECT pe FROM (SELECT DISTINCT f.period_end AS pe FROM figure f
                        WHERE f.indicator_id = :indicator AND f.region_id IS k.rid AND f.kind = 'level'
                          AND f.unit = k.unit AND f.period_end IS NOT NULL
                        ORDER BY pe DESC LIMIT 1 OFFSET :periods - 1)) AS cutoff
FROM k
ORDER BY periods DESC, latest DESC, rid
"""

# How much the database holds of the indicator (in scope): figures, periods, articles.
_HELD = """
SELECT count(*) AS figures,
       count(DISTINCT CASE WHEN f.kind = 'level' THEN coalesce(f.period_start, '') || '|' || coalesce(f.period_end, '') END)
           AS periods,
       count(DISTINCT f.article_id) AS articles, max(a.published) AS latest
FROM figure f JOIN article a ON a.id = f.article_id
WHERE f.indicator_id = :indicator AND (:scope IS NULL OR f.region_id IN (SELECT value FROM json_each(:scope)))
"""

# Its targets, and the growth rates reported for the periods shown, from the series view.
_OTHER_POINTS = POINT_FROM_SERIES + """
WHERE s.indicator_id = :indicator AND s.preferred
  AND (s.kind = 'target' OR (s.kind = 'change' AND s.period_end >= :since))
  AND (:scope IS NULL OR s.region_id IN (SELECT value FROM json_each(:scope)))
ORDER BY s.kind, s.region_id, s.period_end DESC
"""


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    name_en: str
    unit: str
    sector: str
    definition: str
    definition_en: str = ""


@dataclass
class IndicatorFacts:
    indicator: Indicator
    zone: ZoneFacts             # the figures, articles and points the brief shows
    regions: int                # regions with figures of the indicator (in scope)
    periods: int
    single: list[int]           # figure ids: the one level of regions with a single period
    regions_left: int           # regions beyond the brief's limit


def resolve(conn: sqlite3.Connection, name: str) -> Indicator:
    rows = named(conn, "SELECT id, name, name_en, unit, sector, definition, definition_en FROM indicator "
                 "WHERE id = ? OR name = ? OR lower(name_en) = lower(?)", (name, name, name))
    if not rows:
        close = [r[0] for r in conn.execute(
            "SELECT id FROM indicator WHERE id LIKE ? OR name LIKE ? ORDER BY id LIMIT 8", (f"%{name}%", f"%{name}%"))]
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise BriefError(f"no indicator {name!r}{hint}")
    return from_row(Indicator, rows[0])


Key = tuple[str, str, int | None]        # a series: indicator, unit, region


def _series_keys(stats: list[Row], indicator: str, limits: Limits) -> tuple[list[Key], list[Key], dict[Key, str]]:
    """The series to chart (two or more periods, one reported; most periods first), the regions
    with a single report, and each series' cut-off of its latest periods."""
    charted = [(indicator, r["unit"], r["rid"]) for r in stats if r["periods"] >= 2 and r["reported"]]
    single = [(indicator, r["unit"], r["rid"]) for r in stats if not (r["periods"] >= 2 and r["reported"])]
    cutoffs = {(indicator, r["unit"], r["rid"]): r["cutoff"] or "" for r in stats}
    return charted[:limits.series], single, cutoffs


def _cited(shown_series: dict[Key, list[PointGroup]], levels: list[SeriesPoint], others: list[SeriesPoint],
           single: list[int], limits: Limits) -> tuple[set[int], list[int]]:
    """The figures the brief numbers and quotes (series tables, single reports, targets, the growth
    rates given beside listed levels), and the targets it lists."""
    cited = set(single)
    for groups in shown_series.values():
        for group in shown_groups(groups, limits).table:
            cited.update(p.figure_id for p in (group.preferred, *group.same, *group.other))
    targets = [p.figure_id for p in others if p.kind == "target"][:limits.targets]
    listed = {(p.article_id, p.period_end) for p in levels if p.figure_id in cited}
    changes = [p.figure_id for p in others if p.kind == "change" and (p.article_id, p.period_end) in listed]
    return cited | set(targets) | set(changes), targets


def load_indicator(conn: sqlite3.Connection, name: str, region_name: str | None = None,
                   limits: Limits | None = None) -> IndicatorFacts:
    limits = limits or Limits(series=8, series_periods=12)
    indicator = resolve(conn, name)
    region = choose_region(conn, region_name) if region_name else Region(id=None, name="")
    scope = {"indicator": indicator.id, "scope": region.ids}
    held = named(conn, _HELD, scope)[0]
    stats = named(conn, _SERIES, {**scope, "periods": max(limits.chart_periods, limits.series_periods)})
    if not held["figures"] or not stats:
        where = f" in {region.name} or the regions inside it" if region.name else ""
        raise BriefError(f"no figures of {indicator.id} ({indicator.name}){where}; run `zone ingest` first")
    # Regions with a series first (most periods, then the latest), then those with one report.
    charted_keys, single_keys, cutoffs = _series_keys(stats, indicator.id, limits)
    levels = load_points(conn, [(*k, cutoffs[k], "9999") for k in charted_keys + single_keys[:limits.rows_per_sector]])
    since = min((cutoffs[k] for k in charted_keys), default="")
    others = [series_point(r) for r in named(conn, _OTHER_POINTS, {**scope, "since": since})]
    groups = level_groups(levels)
    charted = level_series(levels)
    series_keys = [k for k in charted_keys if k in charted]
    single_keys = [k for k in single_keys if k in groups]
    shown_series = {k: groups[k] for k in series_keys}
    single = [groups[k][-1].preferred.figure_id for k in single_keys[:limits.rows_per_sector]]
    wanted, targets = _cited(shown_series, levels, others, single, limits)
    figures = load_figures(conn, with_sources(conn, wanted))
    articles = load_articles(conn, {f.article_id for f in figures})
    # Targets are measured against the level points of their region.
    shown_points = [p for p in levels if p.series_key in shown_series or p.figure_id in wanted]
    if region.id is None:          # every region: name each series by its region
        region = Region(id=None, name="", scope=tuple(sorted({r["rid"] or 0 for r in stats})))
    zone = ZoneFacts(region=region, articles=articles, figures=figures, points=shown_points,
                     listed=frozenset(targets), series_keys=tuple(series_keys), series_held=len(series_keys),
                     n_figures=held["figures"], n_articles=held["articles"], latest=held["latest"], limits=limits,
                     series_periods={(indicator.id, r["unit"], r["rid"]): r["periods"] for r in stats})
    return IndicatorFacts(indicator=indicator, zone=zone, regions=len({r["rid"] for r in stats}),
                          periods=held["periods"], single=single,
                          regions_left=max(0, len(stats) - len(series_keys) - len(single)))


@dataclass(frozen=True)
class Definition:
    name: str
    name_alt: str | None        # the other language's name (in the English brief: the Chinese, as a term)
    definition: str
    unit: str
    sector: str
    id: str
    regions: int
    periods: int
    articles: int


def definition_section(ctx: Context, facts: IndicatorFacts) -> list[Section]:
    t = ctx.labels
    ind = facts.indicator
    vocabulary = sectors()
    sector = vocabulary.shown(vocabulary.canonical(ind.sector), ctx.lang)
    if ctx.lang == "en":
        name, alt, unit = capitalised(ind.name_en), ind.name, unit_en(ind.unit) or t["no_unit"]
    else:
        name, alt, unit = ind.name, ind.name_en, ind.unit or t["no_unit"]
    # The English brief says it in English (composed from the dimensions' English names); the
    # Chinese definition and its source are the Chinese brief's.
    definition = (ind.definition_en or ind.definition) if ctx.lang == "en" else ind.definition
    data = Definition(name=name, name_alt=alt, definition=definition, unit=unit, sector=sector, id=ind.id,
                      regions=facts.regions, periods=facts.periods, articles=facts.zone.n_articles or 0)
    return [Section(kind="definition", anchor="definition", title=t["definition"], data=data)]


def single_section(ctx: Context, facts: IndicatorFacts) -> list[Section]:
    """Regions with one period of the indicator: a row each (no series to draw)."""
    by_id = {f.id: f for f in ctx.facts.figures}
    rows = []
    for fid in facts.single:
        fact = by_id.get(fid)
        if fact is None:
            continue
        row = figure_row(ctx, [fact])
        region = (fact.region_name_en or fact.region_name) if ctx.lang == "en" else fact.region_name
        rows.append(row.__class__(**{**row.__dict__, "label": region or row.label, "region": None}))
    more = ctx.labels["more_regions"].format(n=facts.regions_left) if facts.regions_left else None
    return table_section("single", ctx.labels["single_regions"], rows, more)


def build_indicator_brief(facts: IndicatorFacts, lang: str = "zh", today: date | None = None) -> Brief:
    ctx = make_context(facts.zone, lang)
    t = ctx.labels
    series = series_blocks(ctx, by_region=True)
    sections = [*definition_section(ctx, facts)]
    if series:
        sections.append(Section(kind="series", anchor="series", title=t["series_by_region"],
                                data=SeriesData(intro=t["series_intro"], blocks=series), count=len(series)))
    sections += [*single_section(ctx, facts), *targets_section(ctx), *sources_section(ctx), *evidence_section(ctx)]
    heading = capitalised(facts.indicator.name_en) if lang == "en" else facts.indicator.name
    alt = facts.indicator.name if lang == "en" else facts.indicator.name_en
    scope = None
    if ctx.facts.region.name and ctx.facts.region.id is not None:
        place = (ctx.facts.region.name_en or ctx.facts.region.name) if lang == "en" else ctx.facts.region.name
        scope = t["indicator_scope"].format(r=place)
    cover = [CoverFact(t["regions"], str(facts.regions), t["regions_unit"]),
             CoverFact(t["periods"], str(facts.periods), t["periods_unit"]),
             CoverFact(t["articles"], str(facts.zone.n_articles or 0), t["articles_unit"]),
             CoverFact(t["generated"], (today or date.today()).isoformat(), date=True)]
    return Brief(lang=lang, labels=t, report=t["report_indicator"], heading=heading, heading_alt=alt,
                 as_of=facts.zone.as_of, generated=(today or date.today()).isoformat(), facts=cover,
                 sections=sections, scope=scope, kind="indicator", n_figures=facts.zone.n_figures or 0,
                 n_articles=facts.zone.n_articles or 0)


def make_indicator_brief(conn: sqlite3.Connection, indicator: str, region: str | None = None, lang: str = "zh",
                         today: date | None = None) -> Brief:
    return build_indicator_brief(load_indicator(conn, indicator, region), lang=lang, today=today)

