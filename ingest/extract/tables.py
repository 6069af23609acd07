"""Tables: figures from the cells of a row, with the unit, period and kind its header, its
label or a 单位 column give them."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from ingest.extract.context import _Block, _Context
from ingest.extract.frames import _first_period
from ingest.extract.sectors import sector_of
from ingest.extract.units import _PER, _POST, _PRE, _UNIT_ALT, QUALIFIER_OF, UNITS, _number
from ingest.model import Article, Figure
from ingest.numbers import ARABIC, MULTIPLIER_RUN, multiplier, parse_arabic
from ingest.periods import Period, default_period, still_ahead, year_span

CELL = "\t"   # the reader puts a tab between the cells of a table row
_SIGNED_NUMBER = re.compile(rf"(?P<sign>[-−–])?(?P<num>{ARABIC})")
# A cell holding a figure, with the signs and words statistics tables put around numbers:
# 600以上, 8左右, 3以内, 约5, ≥90, -2.4, 386.2亿元.
_CELL_VALUE = re.compile(
    rf"(?P<pre>{_PRE}|≥|≤|>|<)?\s*(?P<sign>[-−–])?(?P<num>{ARABIC})(?P<mult>{MULTIPLIER_RUN})?"
    rf"(?P<unit>{_UNIT_ALT})?(?P<per>/(?:{_PER}))?(?P<post>{_POST})?")
_SYMBOL_QUALIFIER = {"≥": "at_least", "≤": "at_most", ">": "more_than", "<": "less_than"}
# Cells of a data row that hold no figure: a dash for no value, a task in words, the kind of
# indicator (预期性 / 约束性). They mark the row as data, not as a header.
_CELL_WORDS = re.compile(r"[—–\-/／…─]+|[预约][期束]性|完成[^\t]{0,10}任务|[^\t]{0,6}(?:持续|稳步|逐步)[^\t]{0,6}")
_UNIT_IN_LABEL = re.compile(
    rf"[(（](?:单位[:：]\s*)?(?P<mult>{MULTIPLIER_RUN})?(?P<unit>{_UNIT_ALT})(?P<per>/(?:{_PER}))?[)）]\s*$")
_BARE_UNIT = re.compile(rf"(?P<mult>{MULTIPLIER_RUN})?(?P<unit>{_UNIT_ALT})(?P<per>/(?:{_PER}))?")
_CHANGE_HEADER = re.compile(r"增长|增速|增幅|降幅|同比|比上年|比去年|变化|增减|降低|下降|减少")
_DOWN_HEADER = re.compile(r"降幅|降低|下降|减少")
_SHARE_HEADER = re.compile(r"占比|比重|构成|占全")
# A column header that is a year (2021, 2021年, 2021年度): the period of the cells below it.
_YEAR_HEADER = re.compile(r"(?P<year>(?:19|20)\d{2})\s*(?:年度?)?(?:\s*[(（][^)）]*[)）])?")
# A column of goals: 2025年目标, 目标值, 规划目标, 2022年计划 (not 规划面积, a measure).
_TARGET_HEADER = re.compile(r"(?:规划|计划|预期|发展)?(?:目标|规划|计划)(?:值|数|数值|任务)?|预期值|规划期末")
_HEADER_YEAR = re.compile(r"(?:19|20)\d{2}\s*年?度?(?:末|底)?")
_YEAR_IN_HEADER = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?!\d)")


@dataclass(frozen=True)
class _Column:
    """What a table's header says about one column."""

    name: str
    factor: Decimal | None
    unit: str | None
    period: Period | None
    change: bool
    unit_column: bool
    target: bool = False                # the cells below are goals (2025年目标, 目标值)
    horizon: Period | None = None       # ... to be met by this time (None: some time ahead)
    # The unit a row above named for the rows below that name none (总产出构成(%) ⏎ 第一产业 | 5.10),
    # as (multiplier, unit, index): index rows (总产出指数(上年=100)) count in no unit.
    below: tuple[Decimal | None, str | None, bool] | None = None


def _cells(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for cell in text.split(CELL):
        lead = len(cell) - len(cell.lstrip())
        out.append((pos + lead, cell.strip()))
        pos += len(cell) + 1
    return out


def _unit_in(label: str) -> tuple[str, Decimal | None, str | None]:
    """'签约总投资(亿元)' -> ('签约总投资', 10**8, '元')."""
    m = _UNIT_IN_LABEL.search(label)
    if not m:
        return label, None, None
    name = label[:m.start()].strip()
    factor = multiplier(m.group("mult")) if m.group("mult") else Decimal(1)
    return name, factor, _label_unit(m)


def _label_unit(m: re.Match[str]) -> str:
    unit = UNITS[m.group("unit")]
    return f"{unit}{m.group('per')}" if m.group("per") else unit


def _header(cells: list[tuple[int, str]], published: date) -> list[_Column]:
    columns = []
    for _, cell in cells:
        name, factor, unit = _unit_in(cell)
        year = _YEAR_HEADER.fullmatch(cell)
        period = year_span(int(year.group("year")), cell) if year else _first_period(cell, published)
        named = _YEAR_IN_HEADER.search(cell)
        ahead = named is not None and still_ahead("span", year_span(int(named.group("year"))), published)
        goal = _TARGET_HEADER.fullmatch(_HEADER_YEAR.sub("", name).strip()) is not None
        if goal or (ahead and (year is not None or period is None)):
            # 2025年目标, 2025年 in 2021, 目标值: the cells are goals, dated by the year if any
            horizon = year_span(int(named.group("year")), cell) if named else None
            columns.append(_Column(name, factor, unit, None, False, False, target=True, horizon=horizon))
            continue
        if period is None and named is not None:
            period = year_span(int(named.group("year")), cell)  # 2020年现状值, 2020年基期
        columns.append(_Column(name, factor, unit, period, bool(_CHANGE_HEADER.search(cell)), cell == "单位"))
    return columns


def _is_header(cells: list[tuple[int, str]], header: list[_Column] | None = None) -> bool:
    """Whether a row names the columns. With a header already in force, only a row of years
    with no values starts a new one (a data row of words, 完成省下达任务, stays data)."""
    rest = [c for _, c in cells[1:] if c]
    if not rest:
        return False
    values = sum(1 for c in rest if _CELL_VALUE.fullmatch(c) or _CELL_WORDS.fullmatch(c))
    years = rest and _unit_in(cells[0][1])[2] is None \
        and all(_YEAR_HEADER.fullmatch(c) or re.match(r"(?:19|20)\d{2}\s*年", c) for c in rest)
    if header is not None:
        return values == 0 and any(_YEAR_IN_HEADER.search(c) or "目标" in c for c in rest) \
            and (bool(years) or sum(1 for c in rest if _SIGNED_NUMBER.fullmatch(c)) * 2 < len(rest))
    if years:
        return True  # 指标 | 2019 | 2020 | 2021年1-6月: years head the columns, they are not values
    return values * 2 < len(rest)


def _table_row(article: Article, block: _Block, header: list[_Column] | None, ctx: _Context,
               figures: list[Figure], table_unit: str | None = None,
               table_period: Period | None = None) -> list[_Column] | None:
    """Figures from the numbers of one table row; returns the header for the rows below.
    ``table_unit``, ``table_period``: what the lines over the table give (2022年…增长速度 ⏎
    单位:亿元) to columns that name neither."""
    cells = _cells(block.paragraph.text)
    if len(cells) < 2:
        return header
    if _is_header(cells, header):
        columns = _header(cells, ctx.published)
        # 单位:亿元、%: the amounts' unit, and per cent for the columns of changes
        units = re.split(r"[、,，/]", table_unit) if table_unit else []
        _, factor, unit = _unit_in(f"（{units[0]}）") if units else ("", None, None)
        percent = len(units) > 1 and any(u.strip() in ("%", "％") for u in units[1:])
        return [_with_table_unit(c, factor, unit, table_period, percent) for c in columns]
    if header is None:
        return None
    if len(header) < len(cells):
        # A header row that leaves the label column's cell out (| | 2019 | 2020 |, or a
        # reader that dropped the empty cell) heads the rightmost columns.
        blank = _Column("", None, None, None, False, False)
        header = [blank] * (len(cells) - len(header)) + header
    label, label_factor, label_unit = _unit_in(cells[0][1])
    index = label_unit is None and _INDEX_LABEL.search(cells[0][1]) is not None
    below = header[0].below
    if label_unit is None and not index and below is not None:
        label_factor, label_unit, index = below
    row_factor, row_unit = _row_unit(header, cells, label_factor, label_unit)
    for column, (pos, cell) in list(zip(header, cells))[1:]:
        m = _CELL_VALUE.fullmatch(cell)
        if not m or column.unit_column or (index and not m.group("unit") and not column.change):
            continue
        factor, unit = _cell_unit(m, column, row_factor, row_unit)
        if unit is None or factor is None:
            continue
        figures.append(_cell_figure(article, block, ctx, label, column, pos, cell, m, factor, unit))
    own_label, own_factor, own_unit = _unit_in(cells[0][1])
    own_index = own_unit is None and _INDEX_LABEL.search(cells[0][1]) is not None
    if own_label.strip() and (own_index or own_unit is not None) and not any(c.unit_column for c in header) \
            and any(_CELL_VALUE.fullmatch(cell) for _, cell in cells[1:]):
        # 总产出(亿元) … 总产出指数(上年=100) ⏎ 第一产业 … 总产出构成(%) ⏎ 第一产业: a row naming its
        # unit heads the rows below it, up to the next that names one; an index has none to give
        return [replace(header[0], below=(own_factor, own_unit, own_index))] + header[1:]
    return header


# A row of index numbers (总产出指数(上年=100), 价格指数): they count in no unit.
_INDEX_LABEL = re.compile(r"指数|[=＝]\s*100")


def _with_table_unit(column: _Column, factor: Decimal | None, unit: str | None, period: Period | None,
                     percent: bool = False) -> _Column:
    """A column naming no unit: 比上年增长% counts in per cent (so does 同比 when the table's
    unit line names % as well), 绝对数 in the table's unit; naming no period, the caption's."""
    if column.period is None and period is not None and not column.target:
        column = replace(column, period=period)
    if column.unit is not None or column.unit_column:
        return column
    if (column.change or _SHARE_HEADER.search(column.name)) and (column.name.rstrip().endswith(("%", "％")) or percent):
        return replace(column, factor=Decimal(1), unit="%")  # (占比, 比重 in a table of 单位:亿元、%)
    return replace(column, factor=factor, unit=unit) if unit is not None and not column.change else column


def _row_unit(header: list[_Column], cells: list[tuple[int, str]], factor: Decimal | None,
              unit: str | None) -> tuple[Decimal | None, str | None]:
    """The multiplier and unit of a row: its label's (签约总投资(亿元)), or a 单位 column's cell."""
    for column, (_, cell) in zip(header, cells):
        if column.unit_column:
            m = _BARE_UNIT.fullmatch(cell)
            if m:
                factor = multiplier(m.group("mult")) if m.group("mult") else Decimal(1)
                unit = _label_unit(m)
    return factor, unit


def _cell_unit(m: re.Match[str], column: _Column, row_factor: Decimal | None,
               row_unit: str | None) -> tuple[Decimal | None, str | None]:
    """The multiplier and unit of a cell's number: its own, else the column's, else the row's;
    (None, None) when the cell holds no figure (三成, 5万/年)."""
    if m.group("unit"):
        # 386.2亿元 in the cell: the cell's own unit wins over the row's
        own_factor = multiplier(m.group("mult")) if m.group("mult") else Decimal(1)
        own_unit = UNITS[m.group("unit")] + (m.group("per") or "")
        if own_unit == "成":
            return None, None
        return own_factor, own_unit
    if m.group("mult") and m.group("per"):
        return None, None
    # 实际利用外资(亿美元) | 7.76 under 单位:亿元: the row's own unit wins over the table's for amounts
    own_row = row_unit is not None and not column.change and column.unit != "%"
    factor, unit = (column.factor, column.unit) if column.unit and not own_row else (row_factor, row_unit)
    if m.group("mult") and factor is not None:
        factor = factor * multiplier(m.group("mult"))
    return factor, unit


def _row_period(label: str, published: date) -> Period | None:
    """A row labelled by a year (年份 | 产值（亿元） | …, the table turned on its side)."""
    year = _YEAR_HEADER.fullmatch(label)
    if year:
        return year_span(int(year.group("year")), label)
    return _first_period(label, published) if label else None


def _cell_qualifier(m: re.Match[str]) -> str:
    pre, post = m.group("pre"), m.group("post")
    if pre:
        return _SYMBOL_QUALIFIER.get(pre) or QUALIFIER_OF[pre]
    if post:
        return QUALIFIER_OF[post]
    return "exact"


def _cell_figure(article: Article, block: _Block, ctx: _Context, label: str, column: _Column, pos: int,
                 cell: str, m: re.Match[str], factor: Decimal, unit: str) -> Figure:
    value = (parse_arabic(m.group("num")) or Decimal(0)) * factor
    negative = m.group("sign") is not None
    # 产值增速（%） as a row label makes every cell of the row a growth rate, as a header does a column.
    change = column.change or unit in ("百分点", "基点") or bool(_CHANGE_HEADER.search(label))
    down = negative or bool(_DOWN_HEADER.search(label)) or bool(_DOWN_HEADER.search(column.name))
    if column.target:
        kind, direction = "target", None
        if negative and not change:
            value = -value
        period: Period | None = column.horizon
    else:
        kind = "change" if change else ("share" if unit == "%" else "level")
        direction = ("down" if down else "up") if change else None
        if negative and not change:
            value = -value
        period = column.period or _row_period(label, ctx.published) or (ctx.frame.period if ctx.frame else None) \
            or ctx.section or ctx.fallback or default_period(ctx.published)
        if period.end > ctx.published and period.start <= ctx.published and column.period is None:
            period = default_period(ctx.published)
    para = block.paragraph
    start, end = para.source_span(pos, pos + len(cell))
    row_start, row_end = para.source_span(0, len(para.text))
    subject = label if column.period is not None or not column.name else f"{label}{column.name}"
    return Figure(
        start=start, end=end, text=article.source[start:end], value=_number(value), unit=unit,
        qualifier=_cell_qualifier(m), kind=kind, direction=direction,
        period_start=period.start.isoformat() if period else None,
        period_end=period.end.isoformat() if period else None, period_label=(period.label or None) if period else None,
        subject=subject, sector=sector_of(label, column.name, block.section, article.title),
        section=block.section, paragraph=block.index, sentence=para.text,
        sentence_start=row_start, sentence_end=row_end,
        why_kind=f"table cell: {kind} from the column and row headers",
        why_period=_why_cell_period(column.period, period),
    )


def _why_cell_period(column: Period | None, period: Period | None) -> str:
    if period is None:
        return "table cell: a goal with no horizon"
    where = f"column {column.label}" if column is not None else "row label, paragraph frame or article date"
    return f"table cell: {where} ({period.label or period.start.isoformat()})"
