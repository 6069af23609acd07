"""Read what a brief needs from the database into plain data: no HTML, no wording.

The scope of a brief is one region (a zone): the figures whose own region is that zone,
or that have no region of their own and come from an article about it. Figures are read
as reviewed (the figure_current view): rejected ones are left out, corrections and relinks
applied. Series points come from the series view, so the brief and Datasette agree on which
point of a period is preferred and which points conflict.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path


class BriefError(ValueError):
    """The database cannot make a brief (no figures, unknown region); the message says why."""


@dataclass(frozen=True)
class Region:
    id: int | None              # None: no region table rows, the brief covers every figure
    name: str
    name_en: str | None = None
    level: str | None = None


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
    sector: str
    section: str | None
    paragraph: int
    sentence: str
    indicator_id: str | None
    indicator_name: str | None
    indicator_name_en: str | None
    corrected: bool = False     # a reviewer changed the value or period
    extracted_value: float | None = None   # the value as extracted, before a correction
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


@dataclass
class ZoneFacts:
    """Everything a brief is made from, for one region."""

    region: Region
    articles: list[ArticleRef] = field(default_factory=list)      # cited, newest first
    figures: list[FigureFact] = field(default_factory=list)       # newest article first, then article order
    points: list[SeriesPoint] = field(default_factory=list)       # series points, in period order

    @property
    def as_of(self) -> str | None:
        return max((a.published for a in self.articles), default=None)


# Figures as reviewed: figure_current hides rejected figures and applies corrections and relinks.
_FIGURES = """
SELECT fc.id, fc.fkey, fc.article_id, fc.seq, fc.origin, fc.text,
       fc.value, fc.value_max, fc.unit, fc.qualifier, fc.kind, fc.direction,
       fc.period_start, fc.period_end, fc.period_label, fc.subject, fc.sector,
       fc.section, fc.paragraph, fc.sentence, fc.indicator_id,
       indicator.name, indicator.name_en, fc.corrected, fc.extracted_value,
       fc.start, fc."end", fc.sentence_start, fc.sentence_end, article.text
FROM figure_current fc
JOIN article ON article.id = fc.article_id
LEFT JOIN indicator ON indicator.id = fc.indicator_id
WHERE (:region IS NULL OR coalesce(fc.region_id, article.region_id) = :region)
ORDER BY article.published DESC, article.id DESC, fc.seq
"""

# The region's points from the series view (the one definition of preferred and conflict).
# A brief without a region row covers every figure, so it takes every region's points.
_POINTS = """
SELECT s.figure_id, s.article_id, s.indicator_id, s.indicator_name, indicator.name_en, indicator.sector,
       s.kind, s.unit, s.period_start, s.period_end, s.value, s.value_max, s.qualifier, s.text, s.origin,
       s.preferred, s.conflict, s.published, s.point_key
FROM series s
JOIN indicator ON indicator.id = s.indicator_id
WHERE :region IS NULL OR s.region = :region
ORDER BY s.indicator_id, s.unit, s.kind, coalesce(s.period_end, s.period_start), s.period_start,
         s.preferred DESC, s.published DESC, s.figure_id
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
    """The region named (by name or alias), else the one with most figures, else all figures."""
    if name:
        row = conn.execute(
            "SELECT id, name, name_en, level FROM region WHERE name = ? "
            "OR EXISTS (SELECT 1 FROM json_each(region.aliases) WHERE value = ?)", (name, name)).fetchone()
        if row is None:
            known = [r[0] for r in conn.execute("SELECT name FROM region ORDER BY name")]
            hint = f"; known regions: {', '.join(known)}" if known else "; the database has no regions"
            raise BriefError(f"no region named {name!r}{hint}")
        return Region(*row)
    row = conn.execute("""
        SELECT region.id, region.name, region.name_en, region.level, count(*) AS n
        FROM figure JOIN article ON article.id = figure.article_id
        JOIN region ON region.id = coalesce(figure.region_id, article.region_id)
        GROUP BY region.id ORDER BY n DESC, region.level = 'zone' DESC, region.name LIMIT 1""").fetchone()
    if row is not None:
        return Region(*row[:4])
    titles = [t for (t,) in conn.execute("SELECT title FROM article ORDER BY published DESC")]
    return Region(id=None, name=zone_name_from_titles(titles) or "")


def _split_sentence(text: str, start: int, end: int, s_start: int, s_end: int,
                    figure_text: str, sentence: str) -> tuple[str, str, str]:
    """(before, figure, after) of the figure's sentence.

    The source offsets pin the exact occurrence when they agree with the stored text; the
    stored sentence (which the extractor may have normalised) is the fallback.
    """
    if 0 <= s_start <= start < end <= s_end <= len(text) and text[start:end] == figure_text:
        def clean(s: str) -> str:
            return re.sub(r"\s*\n\s*", "", s)
        return clean(text[s_start:start]), clean(text[start:end]), clean(text[end:s_end])
    i = sentence.find(figure_text) if figure_text else -1
    if i < 0:
        return sentence, "", ""
    return sentence[:i], figure_text, sentence[i + len(figure_text):]


def load_zone(conn: sqlite3.Connection, region_name: str | None = None) -> ZoneFacts:
    """The figures and cited articles of one region, ready for the brief's sections."""
    region = choose_region(conn, region_name)
    figures: list[FigureFact] = []
    for row in conn.execute(_FIGURES, {"region": region.id}):
        *fields, start, end, s_start, s_end, article_text = row
        text, sentence = fields[5], fields[19]
        before, marked, after = _split_sentence(article_text, start, end, s_start, s_end, text, sentence)
        fields[23] = bool(fields[23])
        figures.append(FigureFact(*fields, before=before, marked=marked, after=after))
    if not figures:
        where = f" for region {region.name}" if region.name else ""
        raise BriefError(f"the database has no figures{where}; run `zone ingest` first")
    ids = sorted({f.article_id for f in figures})
    marks = ",".join("?" for _ in ids)
    articles = [ArticleRef(*r) for r in conn.execute(
        f"SELECT id, source_id, paper, published, edition, page, title, url FROM article "
        f"WHERE id IN ({marks}) ORDER BY published DESC, id DESC", ids)]
    shown = {f.id for f in figures}
    points = [SeriesPoint(*r[:15], bool(r[15]), bool(r[16]), *r[17:]) for r in conn.execute(
        _POINTS, {"region": region.name if region.id is not None else None}) if r[0] in shown]
    if not region.name:
        region = Region(id=None, name=zone_name_from_titles([a.title for a in articles]) or
                        next((a.paper for a in articles if a.paper), "") or "")
    return ZoneFacts(region=region, articles=articles, figures=figures, points=points)
