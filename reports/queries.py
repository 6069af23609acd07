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
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping, Sequence, TypeVar

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


# Figures as reviewed, with the sentence cut from the article (not the whole text) and the
# figure's place in it.
_FIGURES = """
SELECT fc.id, fc.fkey, fc.article_id, fc.seq, fc.origin, fc.text,
       fc.value, fc.value_max, fc.unit, fc.qualifier, fc.kind, fc.direction,
       fc.period_start, fc.period_end, fc.period_label, fc.subject, fc.sector,
       fc.section, fc.paragraph, fc.sentence, fc.indicator_id,
       indicator.name AS indicator_name, indicator.name_en AS indicator_name_en, fc.corrected, fc.extracted_value,
       coalesce(fc.region_id, article.region_id) AS region_id, region.name AS region_name,
       region.name_en AS region_name_en,
       CASE WHEN fc.origin = 'derived'
            THEN (SELECT json_group_array(source_id) FROM figure_source WHERE figure_id = fc.id) END AS derived_json,
       indicator.sector AS indicator_sector,
       fc.start - fc.sentence_start AS mark_start, fc."end" - fc.sentence_start AS mark_end,
       fc.sentence_end - fc.sentence_start AS sentence_length,
       CASE WHEN 0 <= fc.sentence_start AND fc.sentence_start <= fc.start AND fc."end" <= fc.sentence_end
            THEN substr(article.text, fc.sentence_start + 1, fc.sentence_end - fc.sentence_start) END AS sentence_text
FROM figure_current fc
JOIN article ON article.id = fc.article_id
LEFT JOIN indicator ON indicator.id = fc.indicator_id
LEFT JOIN region ON region.id = coalesce(fc.region_id, article.region_id)
WHERE fc.id IN (SELECT value FROM json_each(:ids))
ORDER BY article.published DESC, article.id DESC, fc.seq
"""

# What a SeriesPoint reads of a point of the series view, with its indicator and region.
POINT_FROM_SERIES = """
SELECT s.figure_id, s.article_id, s.indicator_id, s.indicator_name, indicator.name_en AS indicator_name_en,
       indicator.sector AS indicator_sector, s.kind, s.unit, s.period_start, s.period_end, s.value, s.value_max,
       s.qualifier, s.text, s.origin, s.preferred, s.conflict, s.published, s.point_key, s.region_id, s.region,
       region.name_en AS region_en, s.window
FROM series s
JOIN indicator ON indicator.id = s.indicator_id
LEFT JOIN region ON region.id = s.region_id
"""
# The points of one series from the series view (the one definition of preferred and conflict),
# its latest periods only: the view ranks only the points asked for (indicator, region, kind,
# unit and period are the columns it partitions by, so the terms go down to the figures).
_POINTS = POINT_FROM_SERIES + """
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


Row = sqlite3.Row
T = TypeVar("T")


def named(conn: sqlite3.Connection, sql: str, params: Mapping[str, Any] | Sequence[Any] = ()) -> list[Row]:
    """The rows of a query, each read by column name (row["value"]), whatever the
    connection's own row factory."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params).fetchall()


_FIELD_NAMES: dict[Any, tuple[str, ...]] = {}


def _field_names(cls: Any) -> tuple[str, ...]:
    """A dataclass's field names, looked up once per class (from_row runs once per row)."""
    if cls not in _FIELD_NAMES:
        _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return _FIELD_NAMES[cls]


def from_row(cls: type[T], row: Row, **given: Any) -> T:
    """A dataclass from a row, each field from the column of its name (``given`` fields from
    the caller). A field the query does not name keeps its default; one without a default is
    an error, so a renamed column cannot shift values into the wrong fields."""
    columns = set(row.keys())
    values = {name: row[name] for name in _field_names(cls) if name in columns and name not in given}
    return cls(**values, **given)


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
    rows = named(conn, """
        WITH n(rid, n) AS (
            SELECT region_id, count(*) FROM figure WHERE region_id IS NOT NULL GROUP BY region_id
            UNION ALL
            SELECT a.region_id, count(*) FROM figure f JOIN article a ON a.id = f.article_id
            WHERE f.region_id IS NULL GROUP BY a.region_id)
        SELECT region.id, region.name, region.name_en, region.level, sum(n.n) AS total
        FROM n JOIN region ON region.id = n.rid
        GROUP BY region.id ORDER BY total DESC, region.level = 'zone' DESC, region.name LIMIT 1""")
    if rows:
        return _with_scope(conn, from_row(Region, rows[0]))
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
    for row in named(conn, _FIGURES, {"ids": json.dumps(sorted(ids))}):
        before, marked, after = _split_sentence(row["sentence_text"], row["mark_start"], row["mark_end"],
                                                row["sentence_length"], row["text"], row["sentence"])
        derived = tuple(json.loads(row["derived_json"])) if row["derived_json"] else ()
        figures.append(from_row(FigureFact, row, sector=vocabulary.canonical(row["indicator_sector"] or row["sector"]),
                                corrected=bool(row["corrected"]), derived_from=derived,
                                before=before, marked=marked, after=after))
    return figures


def with_sources(conn: sqlite3.Connection, ids: set[int]) -> set[int]:
    """The figures and those they are derived from: a derived figure's sources are numbered and quoted too."""
    return ids | {r["source_id"] for r in named(
        conn, "SELECT source_id FROM figure_source WHERE figure_id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(ids)),))}


def load_articles(conn: sqlite3.Connection, ids: set[int]) -> list[ArticleRef]:
    """The articles asked for, newest first."""
    return [from_row(ArticleRef, r) for r in named(
        conn, "SELECT id, source_id, paper, published, edition, page, title, url FROM article "
        "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY published DESC, id DESC", (json.dumps(sorted(ids)),))]


def series_point(row: Row) -> SeriesPoint:
    """A row of the series view (with the indicator's and region's English names) as a point."""
    return from_row(SeriesPoint, row, preferred=bool(row["preferred"]), conflict=bool(row["conflict"]))


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
    parts: list[str] = []
    params: dict[str, Any] = {}
    for n, ((indicator, unit, region), (cutoff, periods)) in enumerate(series.items()):
        names = [f"p{n}_{k}" for k in range(len(periods))] or [f"p{n}_0"]
        sql = (_POINTS.replace(":indicator", f":i{n}").replace(":region", f":r{n}").replace(":unit", f":u{n}")
               .replace(":since", f":s{n}").replace("{periods}", ", ".join(f":{name}" for name in names)))
        parts.append(sql)
        params.update({f"i{n}": indicator, f"r{n}": region, f"u{n}": unit, f"s{n}": cutoff})
        singles: list[str | None] = list(periods) or [None]     # no single period: one name matching none
        params.update(dict(zip(names, singles)))
    sql = "SELECT * FROM (" + " UNION ALL ".join(parts) + ")" + _POINTS_ORDER
    return [series_point(r) for r in named(conn, sql, params)]
