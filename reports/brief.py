"""Turn a zone's facts into the brief's sections: plain data with every word already chosen.

A brief is a list of sections. Each section has a ``kind`` that names its template
(templates/section_<kind>.html) and a payload of plain data. Adding a section later
(a series table, a chart, "changed since the last article") means one builder function
appended to SECTION_BUILDERS and one template file; the page layout lives in CSS.
"""
from __future__ import annotations

import calendar
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable

from reports.queries import ArticleRef, FigureFact, ZoneFacts, load_zone

LANGS = ("zh", "en")

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "report": "经济发展指标简报",
        "report_en": "Regional Development Brief",
        "as_of": "数据截至",
        "articles": "报道",
        "articles_unit": "篇",
        "figures": "数据",
        "figures_unit": "条",
        "sectors": "领域",
        "sectors_unit": "个",
        "generated": "生成日期",
        "contents": "目录",
        "key_figures": "分领域主要数据",
        "targets": "目标",
        "sources": "资料来源",
        "evidence": "附录  数据原句",
        "col_no": "编号",
        "col_subject": "指标 / 内容",
        "col_text": "原文",
        "col_value": "标准值",
        "col_period": "时期",
        "col_horizon": "期限",
        "col_source": "来源",
        "paragraph": "第{n}段",
        "cited": "引用数据 {n} 条",
        "source_id": "来源编号",
        "edition": "版次",
        "page": "版面",
        "share": "占比",
        "change_up": "增长",
        "change_down": "下降",
        "change": "变化",
        "derived": "推算",
        "as_of_day": "截至 {d}",
        "from_day": "{d} 起",
        "period_range": "{a} 至 {b}",
        "year": "{y}年",
        "years": "{a}–{b}年",
        "month": "{y}年{m}月",
        "months": "{y}年{a}–{b}月",
        "no_period": "未注明",
        "note_sources": "表中每条数据均注明来源编号(见“资料来源”),原句见附录。标准值已换算为基本单位。",
        "page_of": "第 {n} 页 / 共 {m} 页",
        "unclassified": "未分类",
    },
    "en": {
        "report": "Regional Development Brief",
        "report_en": "经济发展指标简报",
        "as_of": "As of",
        "articles": "Articles",
        "articles_unit": "",
        "figures": "Figures",
        "figures_unit": "",
        "sectors": "Sectors",
        "sectors_unit": "",
        "generated": "Generated",
        "contents": "Contents",
        "key_figures": "Key figures by sector",
        "targets": "Targets",
        "sources": "Sources",
        "evidence": "Appendix: source sentences",
        "col_no": "No.",
        "col_subject": "Indicator / subject",
        "col_text": "As written",
        "col_value": "Normalised",
        "col_period": "Period",
        "col_horizon": "Horizon",
        "col_source": "Src.",
        "paragraph": "para. {n}",
        "cited": "{n} figures cited",
        "source_id": "Source id",
        "edition": "Edition",
        "page": "Page",
        "share": "share",
        "change_up": "up",
        "change_down": "down",
        "change": "change",
        "derived": "derived",
        "as_of_day": "as of {d}",
        "from_day": "from {d}",
        "period_range": "{a} to {b}",
        "year": "{y}",
        "years": "{a}–{b}",
        "month": "{y}-{m:02d}",
        "months": "{y}-{a:02d} to {y}-{b:02d}",
        "no_period": "not stated",
        "note_sources": "Every figure names its source (see Sources); its sentence is in the appendix. "
                        "Normalised values are in base units.",
        "page_of": "Page {n} of {m}",
        "unclassified": "Unclassified",
    },
}

# Qualifiers in words, placed before the normalised value.
QUALIFIER_WORDS: dict[str, dict[str, str]] = {
    "zh": {"exact": "", "approx": "约", "more_than": "超过", "at_least": "不少于", "less_than": "不足",
           "at_most": "不超过", "range": "", "order_of_magnitude": "数量级"},
    "en": {"exact": "", "approx": "about", "more_than": "over", "at_least": "at least", "less_than": "under",
           "at_most": "at most", "range": "", "order_of_magnitude": "order of"},
}

ARROWS = {"up": "↑", "down": "↓"}


# ---------------------------------------------------------------- formatting

def format_number(value: float) -> str:
    """Grouped digits, no float noise: 3221000000.0000005 -> 3,221,000,000; 12.5 -> 12.5."""
    nearest = round(value)
    if abs(value - nearest) <= 1e-9 * max(1.0, abs(value)):
        return f"{nearest:,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def format_amount(fact: FigureFact, lang: str) -> str:
    """The normalised number with its qualifier in words, unit apart: 约 2,000,000,000."""
    number = format_number(fact.value)
    if fact.value_max is not None and fact.value_max != fact.value:
        number = f"{number}–{format_number(fact.value_max)}"
    word = QUALIFIER_WORDS[lang].get(fact.qualifier, "")
    return f"{word} {number}" if word else number


def format_value(fact: FigureFact, lang: str) -> str:
    """The normalised value with its qualifier in words, e.g. 约 2,000,000,000 元."""
    amount = format_amount(fact, lang)
    if not fact.unit:
        return amount
    return f"{amount}{fact.unit}" if fact.unit == "%" else f"{amount} {fact.unit}"


def _parse(d: str | None) -> date | None:
    try:
        return date.fromisoformat(d) if d else None
    except ValueError:
        return None


def _month_end(d: date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def format_period(start: str | None, end: str | None, lang: str) -> str:
    """2021年 for a calendar year, 2022年1–4月 for months, 截至 2022-08-10 for a day, else a range."""
    t = LABELS[lang]
    a, b = _parse(start), _parse(end)
    if a is None and b is None:
        return t["no_period"]
    if a is None:
        return t["as_of_day"].format(d=end)
    if b is None:
        return t["from_day"].format(d=start)
    if a == b:
        return t["as_of_day"].format(d=end)
    if a.day == 1 and _month_end(b):
        if a.month == 1 and b.month == 12:
            return t["year"].format(y=a.year) if a.year == b.year else t["years"].format(a=a.year, b=b.year)
        if a.year == b.year:
            if a.month == b.month:
                return t["month"].format(y=a.year, m=a.month)
            return t["months"].format(y=a.year, a=a.month, b=b.month)
    return t["period_range"].format(a=start, b=end)


# ---------------------------------------------------------------- the brief's data

@dataclass(frozen=True)
class FigureRow:
    """One line of a sector table: possibly the same figure reported by several articles."""

    number: int                 # F-number, shared with the appendix
    anchor: str
    subject: str
    indicator: str | None       # catalog name when linked and different from the subject
    tags: tuple[str, ...]       # kind words: 占比, 增长, 推算
    arrow: str                  # ↑ / ↓ for changes, else ""
    kind: str
    text: str                   # as written
    value: str                  # normalised, with qualifier words and unit: 约 2,000,000,000 元
    amount: str                 # the same without the unit, for tables that align numbers
    unit: str
    period: str
    period_label: str | None    # the article's own words, when they differ from the period shown
    sources: tuple[int, ...]    # source numbers, newest first


@dataclass(frozen=True)
class SectorTable:
    name: str
    rows: list[FigureRow]
    targets: list[FigureRow]

    @property
    def count(self) -> int:
        return len(self.rows) + len(self.targets)


@dataclass(frozen=True)
class SourceEntry:
    number: int
    anchor: str
    article: ArticleRef
    cited: int


@dataclass(frozen=True)
class Segment:
    """A piece of a source sentence; ``number`` set when it is a figure (marked in the PDF)."""

    text: str
    number: int | None = None
    anchor: str | None = None


@dataclass(frozen=True)
class Evidence:
    """One source sentence with every figure taken from it marked."""

    numbers: tuple[int, ...]
    where: str                  # paragraph and section heading
    subjects: tuple[str, ...]
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class EvidenceGroup:
    source: SourceEntry
    items: list[Evidence]


@dataclass
class Section:
    kind: str                   # template: section_<kind>.html
    anchor: str
    title: str
    data: Any
    count: int | None = None    # shown in the table of contents
    part: str | None = None     # group heading in the contents, e.g. 分领域主要数据


@dataclass
class Brief:
    lang: str
    labels: dict[str, str]
    zone: str
    zone_en: str | None
    as_of: str | None
    generated: str
    n_articles: int
    n_figures: int
    n_sectors: int
    sections: list[Section] = field(default_factory=list)

    @property
    def page_words(self) -> tuple[str, str, str]:
        """The footer's words around the page number and page count, e.g. ('第 ', ' 页 / 共 ', ' 页')."""
        before, _, rest = self.labels["page_of"].partition("{n}")
        middle, _, after = rest.partition("{m}")
        return before, middle, after

    @property
    def title(self) -> str:
        return f"{self.zone} {self.labels['report']}".strip()


@dataclass
class Context:
    """What builders share: the facts, wording and the numbering of sources and figures."""

    facts: ZoneFacts
    lang: str
    labels: dict[str, str]
    source_numbers: dict[int, int]      # article id -> [n]
    figure_numbers: dict[int, int]      # figure id -> F-number


def figure_anchor(number: int) -> str:
    return f"fig-{number}"


def source_anchor(number: int) -> str:
    return f"src-{number}"


def _row(ctx: Context, group: list[FigureFact]) -> FigureRow:
    fact = group[0]
    t = ctx.labels
    tags: list[str] = []
    if fact.kind == "share":
        tags.append(t["share"])
    elif fact.kind == "change":
        tags.append(t[f"change_{fact.direction}"] if fact.direction in ARROWS else t["change"])
    if fact.origin == "derived":
        tags.append(t["derived"])
    name = (fact.indicator_name_en if ctx.lang == "en" and fact.indicator_name_en else fact.indicator_name)
    indicator = name if name and name != fact.subject else None
    period = format_period(fact.period_start, fact.period_end, ctx.lang)
    label = fact.period_label if fact.period_label and fact.period_label not in period else None
    number = ctx.figure_numbers[fact.id]
    sources = tuple(dict.fromkeys(ctx.source_numbers[f.article_id] for f in group))
    return FigureRow(number=number, anchor=figure_anchor(number), subject=fact.subject or fact.text,
                     indicator=indicator, tags=tuple(tags),
                     arrow=ARROWS.get(fact.direction or "", "") if fact.kind == "change" else "",
                     kind=fact.kind, text=fact.text, value=format_value(fact, ctx.lang),
                     amount=format_amount(fact, ctx.lang), unit=fact.unit, period=period,
                     period_label=label, sources=sources)


def _same_figure(fact: FigureFact) -> tuple[Any, ...]:
    """Two articles reporting the same value for the same thing and period make one table row."""
    return (fact.indicator_id or fact.subject, fact.kind, fact.direction, fact.unit, fact.qualifier,
            round(fact.value, 6), fact.value_max, fact.period_start, fact.period_end)


def sector_sections(ctx: Context) -> list[Section]:
    groups: dict[str, dict[tuple[Any, ...], list[FigureFact]]] = {}
    for fact in ctx.facts.figures:               # newest article first, so group[0] is the latest
        sector = fact.sector or ctx.labels["unclassified"]
        groups.setdefault(sector, {}).setdefault(_same_figure(fact), []).append(fact)
    sections = []
    for i, (sector, by_key) in enumerate(groups.items(), 1):
        rows = [_row(ctx, g) for g in by_key.values()]
        table = SectorTable(name=sector, rows=[r for r in rows if r.kind != "target"],
                            targets=[r for r in rows if r.kind == "target"])
        sections.append(Section(kind="sector", anchor=f"sector-{i}", title=sector, data=table,
                                count=table.count, part=ctx.labels["key_figures"]))
    return sections


def source_entries(ctx: Context) -> list[SourceEntry]:
    cited: dict[int, int] = {}
    for fact in ctx.facts.figures:
        cited[fact.article_id] = cited.get(fact.article_id, 0) + 1
    return [SourceEntry(number=ctx.source_numbers[a.id], anchor=source_anchor(ctx.source_numbers[a.id]),
                        article=a, cited=cited.get(a.id, 0)) for a in ctx.facts.articles]


def sources_section(ctx: Context) -> list[Section]:
    entries = source_entries(ctx)
    return [Section(kind="sources", anchor="sources", title=ctx.labels["sources"], data=entries,
                    count=len(entries))]


def _segments(ctx: Context, facts: list[FigureFact]) -> tuple[Segment, ...]:
    """The sentence cut around each figure; an overlapping figure keeps its number and anchor."""
    sentence = facts[0].before + facts[0].marked + facts[0].after
    spans = sorted(((len(f.before), len(f.before) + len(f.marked), ctx.figure_numbers[f.id]) for f in facts),
                   key=lambda span: (span[0], -span[1]))
    segments: list[Segment] = []
    cursor = 0
    for start, end, number in spans:
        if start < cursor or start == end:
            segments.append(Segment("", number, figure_anchor(number)))
            continue
        if start > cursor:
            segments.append(Segment(sentence[cursor:start]))
        segments.append(Segment(sentence[start:end], number, figure_anchor(number)))
        cursor = end
    if cursor < len(sentence):
        segments.append(Segment(sentence[cursor:]))
    return tuple(segments)


def evidence_section(ctx: Context) -> list[Section]:
    entries = {e.article.id: e for e in source_entries(ctx)}
    by_sentence: dict[int, dict[tuple[int, str], list[FigureFact]]] = {}
    for fact in ctx.facts.figures:
        key = (fact.paragraph, fact.before + fact.marked + fact.after)
        by_sentence.setdefault(fact.article_id, {}).setdefault(key, []).append(fact)
    data = []
    for article_id, sentences in by_sentence.items():
        items = []
        for facts in sentences.values():
            first = facts[0]
            where = ctx.labels["paragraph"].format(n=first.paragraph) + (f" · {first.section}" if first.section else "")
            items.append(Evidence(numbers=tuple(ctx.figure_numbers[f.id] for f in facts), where=where,
                                  subjects=tuple(f.subject for f in facts), segments=_segments(ctx, facts)))
        data.append(EvidenceGroup(source=entries[article_id], items=items))
    return [Section(kind="evidence", anchor="evidence", title=ctx.labels["evidence"], data=data,
                    count=len(ctx.facts.figures))]


# Order of the brief after the title page. A new section is one more builder here.
SECTION_BUILDERS: list[Callable[[Context], list[Section]]] = [
    sector_sections,
    sources_section,
    evidence_section,
]


def build_brief(facts: ZoneFacts, lang: str = "zh", today: date | None = None) -> Brief:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    labels = LABELS[lang]
    source_numbers = {a.id: i for i, a in enumerate(facts.articles, 1)}
    figure_numbers = {f.id: i for i, f in enumerate(facts.figures, 1)}
    ctx = Context(facts=facts, lang=lang, labels=labels, source_numbers=source_numbers,
                  figure_numbers=figure_numbers)
    sections = [s for build in SECTION_BUILDERS for s in build(ctx)]
    return Brief(lang=lang, labels=labels, zone=facts.region.name, zone_en=facts.region.name_en,
                 as_of=facts.as_of, generated=(today or date.today()).isoformat(),
                 n_articles=len(facts.articles), n_figures=len(facts.figures),
                 n_sectors=sum(1 for s in sections if s.kind == "sector"), sections=sections)


def make_brief(conn: sqlite3.Connection, region: str | None = None, lang: str = "zh",
               today: date | None = None) -> Brief:
    """Query the database and assemble the brief for one region."""
    return build_brief(load_zone(conn, region), lang=lang, today=today)
