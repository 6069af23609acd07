"""Periods and time mentions: the values ingest.periods gives and ingest.extract uses."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

KINDS = ("span", "asof", "since", "years", "base", "horizon", "prior")


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str

    def iso(self) -> tuple[str, str]:
        return self.start.isoformat(), self.end.isoformat()


@dataclass(frozen=True)
class TimeMention:
    start: int                      # offsets in the text searched
    end: int
    kind: str                       # one of KINDS
    period: Period | None           # None for a comparison base
    years: tuple[int, ...] = ()     # for kind == "years": one year per following figure
    deadline: bool = False          # 10月底前: a horizon that binds only its own clause
    window: int = 0                 # 近三年, 三年来, 五年累计: a run of this many years up to a year in force
    year: int | None = None         # the calendar year the phrase names outright (2017年, 去年, 当年 …)
    base: Period | None = None      # for kind == "base" after 比/较: the period the base names (比2015年的1210家)


def as_of(day: date, label: str = "") -> Period:
    return Period(day, day, label)


def year_span(year: int, label: str = "") -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), label)


def is_whole_year(p: Period) -> bool:
    """1 January to 31 December of one year."""
    return p.start.year == p.end.year and (p.start.month, p.start.day, p.end.month, p.end.day) == (1, 1, 12, 31)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])



# A stretch of time with more than this left to run when the article appeared is spoken
# of as a plan (2022年 in August 2022, “十四五”期间 in 2023); one about to close (2022年 in a
# December review of the year) is reported on.
_PLAN_AHEAD = timedelta(days=92)


def still_ahead(kind: str, period: Period, published: date) -> bool:
    if period.start > published:
        return True
    return kind in ("span", "asof") and period.end - published > _PLAN_AHEAD


def months_to(period: Period | None, label: str | None = None) -> Period | None:
    """A single calendar month after January as the months of its year up to it (10月 -> 1-10月,
    for a release of cumulative figures); None for any other period."""
    if period is None or period.start.day != 1 or period.start.month == 1 \
            or (period.start.year, period.start.month) != (period.end.year, period.end.month):
        return None
    return Period(period.start.replace(month=1), period.end, period.label if label is None else label)


def year_earlier(period: Period) -> Period:
    """The same stretch of time one year before (去年同期)."""
    def back(d: date) -> date:
        try:
            return d.replace(year=d.year - 1)
        except ValueError:  # 29 February
            return d.replace(year=d.year - 1, day=28)
    return Period(back(period.start), back(period.end), "去年同期")


def default_period(published: date) -> Period:
    """No time given: a stock counted on the article's date."""
    return as_of(published, "")
