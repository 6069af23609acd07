"""A brief as plain data with every word already chosen: its sections, contents and cover,
and the context its section builders share (facts, wording, the numbering of sources and
figures).

A brief is a list of sections. Each section has a ``kind`` that names its template
(templates/section_<kind>.html) and a payload of plain data. Adding a section later means one
builder function (reports/brief.py: SECTION_BUILDERS) and one template file; the page layout
lives in CSS. The zone brief (reports/brief.py), the change brief (reports/changes.py) and the
indicator brief (reports/indicator_brief.py) are all made of such sections.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from common.formatting import format_value
from reports.labels import LABELS, LANGS
from reports.queries import FigureFact, ZoneFacts
from reports.series import (
    PointGroup,
)

ARROWS = {"up": "↑", "down": "↓"}


def format_amount(fact: FigureFact, lang: str) -> str:
    """The figure's value as every display writes it (common.formatting), qualifier in words:
    约20亿元, 超过50家, 161.1亿元 for a derived total (rounded once)."""
    return format_value(fact.value, fact.unit, lang=lang, derived=fact.origin == "derived",
                        qualifier=fact.qualifier, value_max=fact.value_max)


@dataclass
class Section:
    kind: str                   # template: section_<kind>.html
    anchor: str
    title: str
    data: Any
    count: int | None = None    # shown in the table of contents
    part: str | None = None     # group heading in the contents, e.g. 分领域主要数据
    part_anchor: str = "sectors"


@dataclass(frozen=True)
class TocEntry:
    anchor: str
    title: str
    count: int | None
    children: tuple["TocEntry", ...] = ()


@dataclass(frozen=True)
class CoverFact:
    label: str
    value: str
    unit: str = ""
    date: bool = False          # a date, set smaller than a count


@dataclass
class Brief:
    lang: str
    labels: dict[str, str]
    report: str                 # the kind of brief, e.g. 经济发展指标简报
    heading: str                # the cover title: a zone, or an indicator
    heading_alt: str | None     # the same in the other language (in the English brief: the Chinese name)
    as_of: str | None
    generated: str
    facts: list[CoverFact] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    scope: str | None = None    # what the brief covers beyond its heading (the zones of a city; a date)
    kind: str = "zone"          # zone | changes | indicator
    n_figures: int = 0          # figures the brief is about (in the database, not only those listed)
    n_articles: int = 0

    @property
    def page_words(self) -> tuple[str, str, str]:
        """The footer's words around the page number and page count, e.g. ('第 ', ' 页 / 共 ', ' 页')."""
        before, _, rest = self.labels["page_of"].partition("{n}")
        middle, _, after = rest.partition("{m}")
        return before, middle, after

    @property
    def title(self) -> str:
        return f"{self.heading} {self.report}".strip()

    @property
    def n_sectors(self) -> int:
        return sum(1 for s in self.sections if s.kind == "sector")

    @property
    def toc(self) -> list[TocEntry]:
        """The contents: one entry per section, sections of a part (the sectors) under it."""
        entries: list[TocEntry] = []
        for section in self.sections:
            child = TocEntry(section.anchor, section.title, section.count)
            if section.part is None:
                entries.append(child)
            elif entries and entries[-1].title == section.part and entries[-1].children:
                last = entries[-1]
                entries[-1] = TocEntry(last.anchor, last.title, last.count, (*last.children, child))
            else:
                entries.append(TocEntry(f"part-{section.part_anchor}", section.part, None, (child,)))
        return entries


@dataclass
class Context:
    """What builders share: the facts, wording and the numbering of sources and figures."""

    facts: ZoneFacts
    lang: str
    labels: dict[str, str]
    source_numbers: dict[int, int]      # article id -> [n]
    figure_numbers: dict[int, int]      # figure id -> F-number
    series_index: dict[tuple[str, str, int | None], list[PointGroup]] | None = None

    @property
    def region_arg(self) -> str:
        """The region as `zone series --region` takes it, in the brief's language."""
        region = self.facts.region
        if self.lang == "en" and region.name_en:
            return f'"{region.name_en}"'
        return region.name or "…"


def figure_anchor(number: int) -> str:
    return f"fig-{number}"


def source_anchor(number: int) -> str:
    return f"src-{number}"


def capitalised(name: str) -> str:
    """An English name as a heading starts: pipeline equipment output -> Pipeline equipment output."""
    return name[:1].upper() + name[1:]


def indicator_label(zh: str | None, en: str | None, lang: str) -> str | None:
    if lang == "en":
        return capitalised(en) if en else None
    return zh


def region_label(fact: FigureFact, lang: str) -> str | None:
    return (fact.region_name_en or fact.region_name) if lang == "en" else fact.region_name


def make_context(facts: ZoneFacts, lang: str) -> Context:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    return Context(facts=facts, lang=lang, labels=LABELS[lang],
                   source_numbers={a.id: i for i, a in enumerate(facts.articles, 1)},
                   figure_numbers={f.id: i for i, f in enumerate(facts.figures, 1)})


def zone_heading(ctx: Context) -> tuple[str, str | None]:
    """The region's name in the brief's language, and the other one (in the English brief the
    Chinese name, as the sources write it)."""
    region = ctx.facts.region
    if ctx.lang == "en" and region.name_en:
        return region.name_en, region.name or None
    return region.name, region.name_en
