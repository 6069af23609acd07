"""Rows of the figure tables (a sector's key figures, the change brief's unlinked figures, the
indicator brief's single reports): one fact per row, its value written once, its sources and
F-number; and the values of series points as every table writes them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from common.formatting import format_period, format_value, round_derived
from reports.document import ARROWS, Context, Section, figure_anchor, format_amount, indicator_label, region_label
from reports.queries import FigureFact, SeriesPoint


@dataclass(frozen=True)
class FigureRow:
    """One line of a sector table: one fact, possibly reported by several articles.

    ``label`` is the catalog's name of the indicator (in the brief's language) or, for an
    unlinked figure, the subject as extracted; ``quote`` the article's own words for it when
    they differ (Chinese, a quote from the source). The value is written once, by
    common.formatting; the figure as written is in the appendix (F-number)."""

    number: int                 # F-number, shared with the appendix
    anchor: str
    label: str
    label_quoted: bool          # the label is the article's words (unlinked figure), not the catalog's
    figure_id: int
    quote: str | None
    tags: tuple[str, ...]       # kind words: 占比, 增长, 推算
    arrow: str                  # ↑ / ↓ for changes, else ""
    kind: str
    value: str                  # as every display writes it: 约20亿元, 161.1亿元
    period: str
    period_label: str | None    # the article's own words, when they differ from the period shown
    sources: tuple[int, ...]    # source numbers, newest first
    derived_from: tuple[int, ...] = ()      # F-numbers a derived figure is computed from
    region: str | None = None   # the figure's region, when the brief covers several


@dataclass(frozen=True)
class SectorTable:
    name: str
    rows: list[FigureRow]
    targets: list[FigureRow]

    @property
    def count(self) -> int:
        return len(self.rows) + len(self.targets)

    more: str | None = None     # how many more figures the database holds, and where to see them


def table_section(anchor: str, title: str, rows: list[FigureRow], more: str | None = None) -> list[Section]:
    """A section of one table of figure rows (section_sector.html), or none when there are no rows."""
    if not rows:
        return []
    return [Section(kind="sector", anchor=anchor, title=title,
                    data=SectorTable(name=title, rows=rows, targets=[], more=more), count=len(rows))]


def figure_row(ctx: Context, group: list[FigureFact]) -> FigureRow:
    fact = group[0]
    t = ctx.labels
    tags: list[str] = []
    if fact.kind == "share":
        tags.append(t["share"])
    elif fact.kind == "change":
        tags.append(t[f"change_{fact.direction}"] if fact.direction in ARROWS else t["change"])
    if fact.origin == "derived":
        tags.append(t["derived"])
    if fact.corrected:
        tags.append(t["corrected"])
    name = indicator_label(fact.indicator_name, fact.indicator_name_en, ctx.lang)
    # A derived figure's subject is a sentence about its formula: its sources say it better.
    subject = fact.subject if fact.origin == "reported" else ""
    if name:
        # The article's words beside the catalog's name, unless one already says the other.
        said = not subject or subject in (fact.indicator_name or "") or (fact.indicator_name or "") in subject
        label, quoted, quote = name, False, None if said else subject
    else:
        label, quoted, quote = subject or fact.text, True, None
    period = format_period(fact.period_start, fact.period_end, ctx.lang)
    # The article's own words for the period, when they say more than the period shown (今年以来).
    written = format_period(fact.period_start, fact.period_end, "zh")
    label_words = fact.period_label if fact.period_label and fact.period_label not in written else None
    number = ctx.figure_numbers[fact.id]
    sources = tuple(dict.fromkeys(ctx.source_numbers[f.article_id] for f in group))
    return FigureRow(number=number, anchor=figure_anchor(number), label=label, label_quoted=quoted, quote=quote,
                     figure_id=fact.id,
                     tags=tuple(tags), arrow=ARROWS.get(fact.direction or "", "") if fact.kind == "change" else "",
                     kind=fact.kind, value=format_amount(fact, ctx.lang), period=period, period_label=label_words,
                     sources=sources,
                     derived_from=tuple(ctx.figure_numbers[i] for i in fact.derived_from if i in ctx.figure_numbers),
                     region=region_label(fact, ctx.lang) if ctx.facts.region.several else None)


def same_figure(fact: FigureFact) -> tuple[Any, ...]:
    """Two articles reporting the same value for the same thing and period make one table row."""
    return (fact.region_id, fact.indicator_id or fact.subject, fact.kind, fact.direction, fact.unit, fact.qualifier,
            round(fact.value, 6), fact.value_max, fact.period_start, fact.period_end)


def listed_figures(ctx: Context) -> list[FigureFact]:
    """The figures the sector and target tables draw from, newest article first."""
    listed = ctx.facts.listed
    return [f for f in ctx.facts.figures if listed is None or f.id in listed]


def more_line(ctx: Context, key: str, held: int, groups: list[list[FigureFact]], url: str) -> str | None:
    """The line under a table that counts what the database holds beyond its rows."""
    left = held - sum(len(g) for g in groups)
    return ctx.labels[key].format(n=left, url=url) if left > 0 else None


def reported_change(ctx: Context, fact: FigureFact) -> FigureFact | None:
    """The growth rate the article gives beside a level (same sentence, indicator and period)."""
    return next((f for f in ctx.facts.figures if f.kind == "change" and f.article_id == fact.article_id
                 and f.indicator_id == fact.indicator_id and f.paragraph == fact.paragraph
                 and f.period_end == fact.period_end and f.unit == "%" and f.direction in ARROWS), None)


def point_value(p: SeriesPoint, lang: str) -> str:
    return format_value(p.value, p.unit, lang=lang, derived=p.origin == "derived", qualifier=p.qualifier,
                        value_max=p.value_max)


def as_shown(p: SeriesPoint) -> float:
    """The value a reader sees: a derived one rounded once, so differences add up on the page."""
    return round_derived(p.value) if p.origin == "derived" else p.value
