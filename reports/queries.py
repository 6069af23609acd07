"""Read what a brief needs from the database into plain data: no HTML, no wording.

The scope of a brief is one region (a zone): the figures whose own region is that zone,
or that have no region of their own and come from an article about it. Figures are read
as reviewed (the figure_current view): rejected ones are left out, corrections and relinks
applied. Series points come from the series view, so the brief and Datasette agree on which
point of a period is preferred and which points conflict.
"""
from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from track.regions import find_region
from track.sectors import sectors


class BriefError(ValueError):
    """The database cannot make a brief (no figures, unknown region); the message says why."""


@dataclass(frozen=True)
class Region:
    id: int | None              # None: no region table rows, the brief covers every figure
    name: str
    name_en: str | None = None
    level: str | None = None
    # The region and every region inside it (a city's zones): the brief's scope. Empty: only id.
    scope: tuple[int, ...] = ()

    @property
    def ids(self) -> str | None:
        """The scope as JSON for SQL (json_each); None: every figure."""
        if self.id is None:
            return None
        return json.dumps(list(self.scope or (self.id,)))

    @property
    def several(self) -> bool:
        """Whether figures of more than one region are in scope (a city and its zones)."""
        return len(self.scope) > 1


@dataclass(frozen=True)
class ArticleRef:
    """An article cited by the brief."""

    id: int
    source_id: str
    paper: str | None
    published: str              # ISO date
    edition: str | None
    page: str | None
    title: str
    url: str | None


@dataclass(frozen=True)
class FigureFact:
    """One figure with everything needed to show it and trace it to its sentence."""

    id: int
    fkey: str
    article_id: int
    seq: int
    origin: str                 # reported | derived
    text: str                   # as written, e.g. 32.21亿元
    value: float
    value_max: float | None
    unit: str
    qualifier: str
    kind: str
    direction: str | None
    period_start: str | None
    period_end: str | None
    period_label: str | None
    subject: str
    sector: str                 # the vocabulary's sector: the indicator's, else the extractor's, else 其他
    section: str | None
    paragraph: int
    sentence: str
    indicator_id: str | None
    indicator_name: str | None
    indicator_name_en: str | None
    corrected: bool = False     # a reviewer changed the value or period
    extracted_value: float | None = None   # the value as extracted, before a correction
    region_id: int | None = None
    region_name: str | None = None
    region_name_en: str | None = None
    derived_from: tuple[int, ...] = ()     # a derived figure's sources (figure ids)
    # The sentence split around the figure so templates can highlight it without markup in data.
    before: str = ""
    marked: str = ""
    after: str = ""


@dataclass(frozen=True)
class SeriesPoint:
    """One row of the series view for the brief's region: a linked figure as a point of its series."""

    figure_id: int
    article_id: int
    indicator_id: str
    indicator_name: str
    indicator_name_en: str | None
    indicator_sector: str | None
    kind: str
    unit: str
    period_start: str | None
    period_end: str | None
    value: float
    value_max: float | None
    qualifier: str
    text: str
    origin: str                 # reported | derived
    preferred: bool             # the point the series shows for its period
    conflict: bool              # another article gives another value for the same period
    published: str
    point_key: str              # indicator, region, kind, unit and period: points of one period share it
    region_id: int | None = None
    region: str | None = None
    region_en: str | None = None
    window: str | None = None   # year, year_to_date, quarter …: the series view's; a line joins one window only

    @property
    def series_key(self) -> tuple[str, str, int | None]:
        """The series the point belongs to: indicator, unit and region."""
        return (self.indicator_id, self.unit, self.region_id)


@dataclass(frozen=True)
class Limits:
    """How much of the database one brief shows: a briefing, not a dump. The rest is
    counted, and the brief says where to see it (Datasette, `zone series`)."""

    rows_per_sector: int = 14       # figures listed per sector (at most a page): the latest report of each indicator
    key_figures: int = 6            # headline figures first: one per sector, the catalog's first sectors first
    recent_articles: int = 60       # the tables and series start from the region's newest articles
    targets: int = 25               # target rows, the most recently reported first
    series: int = 12                # series shown: most periods first, then the most recent
    series_periods: int = 10        # periods in a series table (the latest)
    chart_periods: int = 20         # periods drawn in a series chart (the latest)
    other_reports: int = 2          # conflicting values listed per period
    same_reports: int = 5           # further articles cited for one value


@dataclass
class ZoneFacts:
    """Everything a brief is made from, for one region."""

    region: Region
    articles: list[ArticleRef] = field(default_factory=list)      # cited, newest first
    figures: list[FigureFact] = field(default_factory=list)       # shown, newest article first, then article order
    points: list[SeriesPoint] = field(default_factory=list)       # series points, in period order
    # Figures the sector and target tables list (the rest of ``figures`` only back the
    # series and the targets' latest levels); None: every figure.
    listed: frozenset[int] | None = None
    # Figures the database holds for the region, per sector and (targets) in all: what the
    # tables leave out is this minus what they list.
    held: dict[str, int] = field(default_factory=dict)
    targets_held: int = 0
    series_keys: tuple[tuple[str, str, int | None], ...] | None = None    # (indicator, unit, region) shown; None: all
    series_held: int = 0            # series of two or more periods the region has
    n_figures: int | None = None    # in the database for the region (None: len(figures))
    n_articles: int | None = None
    latest: str | None = None       # newest article of the region
    limits: Limits = field(default_factory=Limits)
    regions_with_figures: tuple[str, ...] = ()     # regions in scope that have figures, most figures first
    series_periods: dict[tuple[str, str, int | None], int] = field(default_factory=dict)   # periods each series holds

    @property
    def as_of(self) -> str | None:
        return self.latest or max((a.published for a in self.articles), default=None)


# A figure's sector in the one vocabulary (track.sectors): its indicator's, else the one the
# extractor gave it, mapped through the catalog's aliases; else 其他. :sectors is the name map.
SECTOR_SQL = "coalesce(json_extract(:sectors, '$.' || json_quote(coalesce(i.sector, fc.sector))), '其他')"

# The region's figures in its newest articles (:recent), as reviewed: figure_current hides
# rejected figures and applies corrections and relinks. A figure without a region of its own
# belongs to its article's; the scope is the region and the regions inside it (:scope, JSON;
# NULL: every figure).
# A derived figure that a reported one of the same point (indicator, region, kind, unit,
# period) makes redundant is left out: one number per fact.
_SCOPED = f"""
scoped AS (
    SELECT fc.id, fc.article_id, fc.seq, fc.kind, fc.direction, fc.unit, fc.qualifier,
           fc.value, fc.value_max, fc.period_start, fc.period_end, a.published,
           coalesce(fc.region_id, a.region_id) AS rid,
           coalesce(fc.indicator_id, fc.subject) AS what,
           CASE WHEN fc.kind <> 'target' THEN {SECTOR_SQL} END AS part,       -- targets: one table, NULL
           CASE WHEN fc.kind = 'target' THEN coalesce(fc.period_end, '') END AS horizon
    FROM figure_current fc
    JOIN article a ON a.id = fc.article_id
    LEFT JOIN indicator i ON i.id = fc.indicator_id
    WHERE fc.article_id IN (SELECT value FROM json_each(:recent))
      AND (:scope IS NULL OR coalesce(fc.region_id, a.region_id) IN (SELECT value FROM json_each(:scope)))
      AND NOT (fc.origin = 'derived' AND EXISTS (
          SELECT 1 FROM figure r
          WHERE r.indicator_id = fc.indicator_id AND r.region_id IS fc.region_id AND r.period_end IS fc.period_end
            AND r.period_start IS fc.period_start AND r.kind = fc.kind AND r.unit = fc.unit
            AND r.origin = 'reported'))
)"""

# How many figures the region holds, per indicator, extracted sector and region, from the
# figure_region index alone; a figure with no region of its own counts for its article's.
_COUNTS = """
SELECT f.indicator_id, f.sector, f.kind = 'target', f.region_id, count(*)
FROM figure f
WHERE f.region_id IS NOT NULL AND (:scope IS NULL OR f.region_id IN (SELECT value FROM json_each(:scope)))
GROUP BY f.region_id, f.kind, f.indicator_id, f.sector          -- the index's order: no sorting
UNION ALL
SELECT f.indicator_id, f.sector, f.kind = 'target', a.region_id, count(*)
FROM figure f JOIN article a ON a.id = f.article_id
WHERE f.region_id IS NULL AND (:scope IS NULL OR a.region_id IN (SELECT value FROM json_each(:scope)))
GROUP BY a.region_id, f.kind, f.indicator_id, f.sector
"""

# Figures a reviewer rejected (the latest decision), to take off the counts: few, by the review table.
_REJECTED = """
SELECT f.indicator_id, f.sector, f.kind = 'target', coalesce(f.region_id, a.region_id), count(*)
FROM review r
JOIN figure f ON f.fkey = r.fkey
JOIN article a ON a.id = f.article_id
WHERE r.action = 'reject' AND r.id = (SELECT max(id) FROM review WHERE fkey = r.fkey AND action IN ('accept', 'reject'))
  AND (:scope IS NULL OR coalesce(f.region_id, a.region_id) IN (SELECT value FROM json_each(:scope)))
GROUP BY 1, 2, 3, 4
"""

# The articles with figures in scope, newest first (ids and dates only).
_ARTICLES_IN_SCOPE = """
SELECT a.id, a.published FROM article a
WHERE a.id IN (
    SELECT f.article_id FROM figure f
    WHERE f.region_id IS NOT NULL AND (:scope IS NULL OR f.region_id IN (SELECT value FROM json_each(:scope)))
    UNION
    SELECT f.article_id FROM figure f JOIN article b ON b.id = f.article_id
    WHERE f.region_id IS NULL AND (:scope IS NULL OR b.region_id IN (SELECT value FROM json_each(:scope))))
ORDER BY a.published DESC, a.id DESC
"""

# What the sector and target tables list. An indicator (or, unlinked, a subject) shows the
# figures of the newest article that reports it, per sector, kind and unit (a target also
# per horizon); a sector lists its :rows most recently reported, the targets :targets.
# The same value reported by other articles joins them (its row cites those articles too).
_LISTED = f"""
WITH {_SCOPED},
keyed AS (
    SELECT s.*, first_value(article_id) OVER latest AS newest, first_value(published) OVER latest AS head_published,
           first_value(seq) OVER latest AS head_seq
    FROM scoped s
    WINDOW latest AS (PARTITION BY part, rid, what, kind, unit, horizon ORDER BY published DESC, article_id DESC, seq)
),
chosen AS (
    SELECT * FROM (
        SELECT k.*, dense_rank() OVER (PARTITION BY part ORDER BY head_published DESC, newest DESC, head_seq) AS place
        FROM keyed k WHERE article_id = newest)
    WHERE place <= CASE WHEN part IS NULL THEN :targets ELSE :rows END
),
same AS (
    SELECT k.id, row_number() OVER (PARTITION BY c.id ORDER BY k.published DESC, k.article_id DESC, k.seq) AS nth
    FROM chosen c
    JOIN keyed k ON k.part IS c.part AND k.rid IS c.rid AND k.what = c.what AND k.kind = c.kind AND k.unit = c.unit
                AND k.article_id <> c.article_id AND k.direction IS c.direction AND k.qualifier = c.qualifier
                AND round(k.value, 6) = round(c.value, 6) AND k.value_max IS c.value_max
                AND k.period_start IS c.period_start AND k.period_end IS c.period_end
)
SELECT id FROM chosen
UNION
SELECT id FROM same WHERE nth <= :same
"""

# Series worth a chart: the linked level figures of the newest articles give the candidates
# (indicator, unit, region); per candidate, from the figure_points index alone: its periods,
# whether one is reported, the latest, and the cut-off of the latest :periods (older periods
# are neither drawn nor read). A derived point (the level a year earlier implied by a change)
# counts as a period and is marked as derived.
_SERIES_KEYS = """
WITH k AS (
    SELECT DISTINCT f.indicator_id AS ind, f.unit AS unit, f.region_id AS rid
    FROM figure f
    WHERE f.article_id IN (SELECT value FROM json_each(:recent)) AND f.kind = 'level' AND f.indicator_id IS NOT NULL
      AND (:scope IS NULL OR f.region_id IN (SELECT value FROM json_each(:scope)))
)
SELECT ind, unit, rid, periods, latest, cutoff FROM (
    SELECT k.ind, k.unit, k.rid,
           (SELECT count(*) FROM (SELECT DISTINCT f.period_end, f.period_start FROM figure f
                                  WHERE f.indicator_id = k.ind AND f.region_id IS k.rid AND f.kind = 'level'
                                    AND f.unit = k.unit)) AS periods,
           EXISTS (SELECT 1 FROM figure f
                   WHERE f.indicator_id = k.ind AND f.region_id IS k.rid AND f.kind = 'level' AND f.unit = k.unit
                     AND f.origin = 'reported') AS reported,
           (SELECT max(f.period_end) FROM figure f
            WHERE f.indicator_id = k.ind AND f.region_id IS k.rid AND f.kind = 'level' AND f.unit = k.unit) AS latest,
           (SELECT pe FROM (SELECT DISTINCT f.period_end AS pe FROM figure f
                            WHERE f.indicator_id = k.ind AND f.region_id IS k.rid AND f.kind = 'level'
                              AND f.unit = k.unit AND f.period_end IS NOT NULL
                            ORDER BY pe DESC LIMIT 1 OFFSET :periods - 1)) AS cutoff
    FROM k)
WHERE periods >= 2 AND reported
ORDER BY periods DESC, latest DESC, ind, unit, rid
"""

# The latest level of a target's indicator, unit and region up to its horizon: the period to read.
_TARGET_LEVELS = """
WITH k AS (
    SELECT json_extract(value, '$[0]') AS ind, json_extract(value, '$[1]') AS unit,
           json_extract(value, '$[2]') AS rid, coalesce(json_extract(value, '$[3]'), '9999') AS horizon
    FROM json_each(:targets)
)
SELECT k.ind, k.unit, k.rid, (
    SELECT max(f.period_end) FROM figure f
    WHERE f.indicator_id = k.ind AND f.region_id IS k.rid AND f.kind = 'level' AND f.unit = k.unit
      AND f.period_end <= k.horizon)
FROM k
"""

# Figures as reviewed, with the sentence cut from the article (not the whole text) and the
# figure's place in it.
_FIGURES = """
SELECT fc.id, fc.fkey, fc.article_id, fc.seq, fc.origin, fc.text,
       fc.value, fc.value_max, fc.unit, fc.qualifier, fc.kind, fc.direction,
       fc.period_start, fc.period_end, fc.period_label, fc.subject, fc.sector,
       fc.section, fc.paragraph, fc.sentence, fc.indicator_id,
       indicator.name, indicator.name_en, fc.corrected, fc.extracted_value,
       coalesce(fc.region_id, article.region_id), region.name, region.name_en,
       CASE WHEN fc.origin = 'derived'
            THEN (SELECT json_group_array(source_id) FROM figure_source WHERE figure_id = fc.id) END,
       indicator.sector,
       fc.start - fc.sentence_start, fc."end" - fc.sentence_start, fc.sentence_end - fc.sentence_start,
       CASE WHEN 0 <= fc.sentence_start AND fc.sentence_start <= fc.start AND fc."end" <= fc.sentence_end
            THEN substr(article.text, fc.sentence_start + 1, fc.sentence_end - fc.sentence_start) END
FROM figure_current fc
JOIN article ON article.id = fc.article_id
LEFT JOIN indicator ON indicator.id = fc.indicator_id
LEFT JOIN region ON region.id = coalesce(fc.region_id, article.region_id)
WHERE fc.id IN (SELECT value FROM json_each(:ids))
ORDER BY article.published DESC, article.id DESC, fc.seq
"""

# The points of one series from the series view (the one definition of preferred and conflict),
# its latest periods only: the view ranks only the points asked for (indicator, region, kind,
# unit and period are the columns it partitions by, so the terms go down to the figures).
_POINTS = """
SELECT s.figure_id, s.article_id, s.indicator_id, s.indicator_name, indicator.name_en, indicator.sector,
       s.kind, s.unit, s.period_start, s.period_end, s.value, s.value_max, s.qualifier, s.text, s.origin,
       s.preferred, s.conflict, s.published, s.point_key, s.region_id, s.region, region.name_en, s.window
FROM series s
JOIN indicator ON indicator.id = s.indicator_id
LEFT JOIN region ON region.id = s.region_id
WHERE s.indicator_id = :indicator AND s.region_id IS :region AND s.kind = 'level' AND s.unit = :unit
  AND (s.period_end >= :since OR s.period_end IN ({periods}))
"""
_POINTS_ORDER = """
ORDER BY indicator_id, unit, region_id, kind, coalesce(period_end, period_start), period_start,
         preferred DESC, published DESC, figure_id
"""

# Names of zones as newspapers write them at the start of a headline, e.g.
# 沧州经济开发区:打造投资兴业热土 — used only when the region table says nothing.
_ZONE_NAME = re.compile(
    r"[\u4e00-\u9fff]{2,12}?(?:经济技术开发区|高新技术产业开发区|经济开发区|高新技术开发区|开发区|高新区|经开区|新区|产业园区|工业园区|园区|自贸区)")


def open_readonly(path: Path) -> sqlite3.Connection:
    """The database for reading; a missing file is an error, not a new empty database."""
    if not path.is_file():
        raise BriefError(f"{path}: no such database; build one with `zone ingest articles/ --db {path}`")
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        conn.execute("SELECT 1 FROM figure JOIN article ON article.id = figure.article_id LIMIT 1").fetchall()
    except sqlite3.DatabaseError as e:
        conn.close()
        raise BriefError(f"{path}: not a zone database ({e})") from None
    return conn


def zone_name_from_titles(titles: list[str]) -> str | None:
    """The zone name most titles mention, or None."""
    counts: dict[str, int] = {}
    for title in titles:
        for name in set(_ZONE_NAME.findall(title)):
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], len(n)))


def choose_region(conn: sqlite3.Connection, name: str | None) -> Region:
    """The region named (any name it goes by: track.regions), else the one with most figures, else all figures."""
    if name:
        found = find_region(conn, name)
        if found is None:
            known = [r[0] for r in conn.execute("SELECT name FROM region ORDER BY name")]
            hint = f"; known regions: {', '.join(known)}" if known else "; the database has no regions"
            raise BriefError(f"no region named {name!r}{hint}")
        return _with_scope(conn, Region(found.id, found.name, found.name_en, found.level))
    # Counted from the figure_region index (a figure with no region of its own: its article's).
    row = conn.execute("""
        WITH n(rid, n) AS (
            SELECT region_id, count(*) FROM figure WHERE region_id IS NOT NULL GROUP BY region_id
            UNION ALL
            SELECT a.region_id, count(*) FROM figure f JOIN article a ON a.id = f.article_id
            WHERE f.region_id IS NULL GROUP BY a.region_id)
        SELECT region.id, region.name, region.name_en, region.level, sum(n.n) AS total
        FROM n JOIN region ON region.id = n.rid
        GROUP BY region.id ORDER BY total DESC, region.level = 'zone' DESC, region.name LIMIT 1""").fetchone()
    if row is not None:
        return _with_scope(conn, Region(*row[:4]))
    titles = [t for (t,) in conn.execute("SELECT title FROM article ORDER BY published DESC")]
    return Region(id=None, name=zone_name_from_titles(titles) or "")


def _with_scope(conn: sqlite3.Connection, region: Region) -> Region:
    """The region with the regions inside it (region.parent_id, any depth): a brief on 沧州市
    covers its zones and counties too."""
    ids = [i for (i,) in conn.execute("""
        WITH RECURSIVE inside(id, depth) AS (
            SELECT ?, 0
            UNION
            SELECT region.id, inside.depth + 1 FROM region JOIN inside ON region.parent_id = inside.id
            WHERE inside.depth < 10)
        SELECT id FROM inside ORDER BY depth, id""", (region.id,))]
    return Region(region.id, region.name, region.name_en, region.level, scope=tuple(ids))


def _split_sentence(text: str | None, start: int, end: int, length: int,
                    figure_text: str, sentence: str) -> tuple[str, str, str]:
    """(before, figure, after) of the figure's sentence.

    ``text`` is the sentence as cut from the article and start/end the figure's place in it:
    they pin the exact occurrence when they agree with the figure's text. The stored
    sentence (which the extractor may have normalised) is the fallback.
    """
    if text is not None and len(text) == length and 0 <= start < end <= length and text[start:end] == figure_text:
        def clean(s: str) -> str:
            return re.sub(r"\s*\n\s*", "", s)
        return clean(text[:start]), clean(text[start:end]), clean(text[end:])
    i = sentence.find(figure_text) if figure_text else -1
    if i < 0:
        return sentence, "", ""
    return sentence[:i], figure_text, sentence[i + len(figure_text):]


def load_figures(conn: sqlite3.Connection, ids: set[int]) -> list[FigureFact]:
    """The figures asked for, as reviewed, newest article first, then article order; each
    filed under its sector in the one vocabulary (track.sectors)."""
    vocabulary = sectors()
    figures: list[FigureFact] = []
    for row in conn.execute(_FIGURES, {"ids": json.dumps(sorted(ids))}):
        *fields, derived_json, indicator_sector, start, end, length, sentence_text = row
        text, sentence = fields[5], fields[19]
        before, marked, after = _split_sentence(sentence_text, start, end, length, text, sentence)
        fields[16] = vocabulary.canonical(indicator_sector or fields[16])
        fields[23] = bool(fields[23])
        derived = tuple(json.loads(derived_json)) if derived_json else ()
        figures.append(FigureFact(*fields, derived_from=derived, before=before, marked=marked, after=after))
    return figures


def load_articles(conn: sqlite3.Connection, ids: set[int]) -> list[ArticleRef]:
    """The articles asked for, newest first."""
    return [ArticleRef(*r) for r in conn.execute(
        "SELECT id, source_id, paper, published, edition, page, title, url FROM article "
        "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY published DESC, id DESC", (json.dumps(sorted(ids)),))]


def load_points(conn: sqlite3.Connection, wanted: list[tuple[str, str, int | None, str, str]]) -> list[SeriesPoint]:
    """Level points of some series: each wanted (indicator, unit, region, from, until) asks for
    the periods ending in [from, until]; one part per series (its latest periods from a cut-off,
    and single periods such as a target's latest level), in period order, preferred first."""
    if not wanted:
        return []
    series: dict[tuple[str, str, int | None], tuple[str, list[str]]] = {}
    for indicator, unit, region, since, until in wanted:
        cutoff, periods = series.get((indicator, unit, region), ("9999", []))
        if since == until:
            periods.append(since)
        else:
            cutoff = min(cutoff, since)
        series[(indicator, unit, region)] = (cutoff, periods)
    parts, params = [], {}
    for n, ((indicator, unit, region), (cutoff, periods)) in enumerate(series.items()):
        names = [f"p{n}_{k}" for k in range(len(periods))] or [f"p{n}_0"]
        sql = (_POINTS.replace(":indicator", f":i{n}").replace(":region", f":r{n}").replace(":unit", f":u{n}")
               .replace(":since", f":s{n}").replace("{periods}", ", ".join(f":{name}" for name in names)))
        parts.append(sql)
        params.update({f"i{n}": indicator, f"r{n}": region, f"u{n}": unit, f"s{n}": cutoff})
        params.update(dict(zip(names, periods or [None])))
    sql = "SELECT * FROM (" + " UNION ALL ".join(parts) + ")" + _POINTS_ORDER
    return [SeriesPoint(*r[:15], bool(r[15]), bool(r[16]), *r[17:]) for r in conn.execute(sql, params)]


def _counts(conn: sqlite3.Connection, region: Region) -> tuple[dict[str, int], int, dict[int | None, int]]:
    """Figures in scope per sector (the vocabulary's: indicator's, else extracted), targets, per region."""
    vocabulary = sectors()
    indicator_sector = dict(conn.execute("SELECT id, sector FROM indicator"))
    held: dict[str, int] = {}
    targets = 0
    per_region: dict[int | None, int] = {}
    for sql, sign in ((_COUNTS, 1), (_REJECTED, -1)):
        for indicator, extracted, target, rid, n in conn.execute(sql, {"scope": region.ids}):
            n *= sign
            if target:
                targets += n
            else:
                sector = vocabulary.canonical(indicator_sector.get(indicator) or extracted)
                held[sector] = held.get(sector, 0) + n
            per_region[rid] = per_region.get(rid, 0) + n
    return held, targets, per_region


def load_zone(conn: sqlite3.Connection, region_name: str | None = None, limits: Limits = Limits()) -> ZoneFacts:
    """What the brief on one region shows, and how much the database holds beyond it.

    Bounded whatever the size of the database: the sector tables take the latest report of
    each indicator, the series the ones with most periods, and only the figures shown are
    read with their sentences.
    """
    # Imported here: reports.series reads this module's dataclasses.
    from reports.series import latest_level, level_series, shown_groups

    region = choose_region(conn, region_name)
    held, targets_held, per_region = _counts(conn, region)
    n_figures = sum(per_region.values())
    in_scope = conn.execute(_ARTICLES_IN_SCOPE, {"scope": region.ids}).fetchall()
    if not n_figures or not in_scope:
        where = f" for region {region.name}" if region.name else ""
        if region.several:
            where += " or the regions inside it"
        raise BriefError(f"the database has no figures{where}; run `zone ingest` first")
    names = dict(conn.execute("SELECT id, name FROM region WHERE id IN (SELECT value FROM json_each(?))",
                              (json.dumps([r for r in per_region if r is not None]),)))
    regions_with_figures = tuple(names[r] for r in sorted(per_region, key=lambda r: -per_region[r])
                                 if r in names and per_region[r] > 0)
    n_articles, latest = len(in_scope), in_scope[0][1]
    recent = json.dumps([i for i, _ in in_scope[:limits.recent_articles]])
    scope = {"scope": region.ids, "sectors": sectors().as_json(), "recent": recent}

    listed = {i for (i,) in conn.execute(_LISTED, {**scope, "rows": limits.rows_per_sector,
                                                   "targets": limits.targets, "same": limits.same_reports})}
    stats = conn.execute(
        _SERIES_KEYS, {"scope": region.ids, "recent": recent,
                       "periods": max(limits.chart_periods, limits.series_periods)}).fetchall()
    keys = [(ind, unit, rid, cutoff) for ind, unit, rid, _, _, cutoff in stats]
    series_periods = {(ind, unit, rid): n for ind, unit, rid, n, _, _ in stats}
    shown_keys = [(ind, unit, rid) for ind, unit, rid, _ in keys[:limits.series]]
    targets = [f for f in load_figures(conn, listed) if f.kind == "target"]
    wanted = [(ind, unit, rid, cutoff or "", "9999") for ind, unit, rid, cutoff in keys[:limits.series]]
    # Each target's latest level up to its horizon: one period of its series.
    aims = [[t.indicator_id, t.unit, t.region_id, t.period_end] for t in targets if t.indicator_id]
    if aims:
        for ind, unit, rid, period in conn.execute(_TARGET_LEVELS, {"targets": json.dumps(aims)}):
            if period:
                wanted.append((ind, unit, rid, period, period))
    points = load_points(conn, list(dict.fromkeys(wanted)))

    # The figures the series tables and the targets' latest levels cite: numbered and quoted too.
    cited: set[int] = set()
    series = level_series([p for p in points if p.series_key in set(shown_keys)])
    for groups in series.values():
        for g in shown_groups(groups, limits).table:
            cited.update(p.figure_id for p in (g.preferred, *g.same, *g.other))
    for t in targets:
        level = latest_level(points, t) if t.indicator_id else None
        if level is not None:
            cited.add(level.figure_id)
    # A derived figure names the figures it comes from: they are numbered and quoted too.
    shown = listed | cited
    shown |= {i for (i,) in conn.execute(
        "SELECT source_id FROM figure_source WHERE figure_id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(shown)),))}
    figures = load_figures(conn, shown)
    articles = load_articles(conn, {f.article_id for f in figures})
    if not region.name:
        region = Region(id=None, name=zone_name_from_titles([a.title for a in articles]) or
                        next((a.paper for a in articles if a.paper), "") or "")
    return ZoneFacts(region=region, articles=articles, figures=figures, points=points, listed=frozenset(listed),
                     held=held, targets_held=targets_held, series_keys=tuple(shown_keys), series_held=len(keys),
                     n_figures=n_figures,
                     n_articles=n_articles, latest=latest, limits=limits, regions_with_figures=regions_with_figures,
                     series_periods=series_periods)
