"""Time phrases of Chinese news text, resolved against the article's date.

find_time_mentions() returns every time phrase in a paragraph with what it means:

- span:    a stretch of time a flow figure covers (2021年, 今年1-4月, 上半年, 十四五);
- asof:    a day a stock figure is counted at (截至4月28日, 截至6月底, 目前);
- since:   from a start to the article date (2021年以来, 今年以来, 3月份以来, 春节以来,
           自1994年…合作开发以来, 2006年设立以来);
- years:   a run of years whose figures follow one per year (2019年至2021年分别…);
- base:    the other side of a comparison (比上年, 较去年同期, 与2020年相比) — sets no period;
- horizon: the time by which a target is to be met (到2025年, 利用5至10年的时间);
- prior:   去年同期 standing alone — the period in force, one year earlier.

Runs of years counted back (近三年, 三年来, 五年累计) are spans up to the article date and
carry their length in ``window``, so that ingest.extract can count them back from the year
a review speaks of instead.

A mention whose period lies after the article date is a horizon whatever its wording.
Which figures a mention governs is decided by ingest.extract.
"""
from __future__ import annotations

from ingest.periods.model import (
    KINDS,
    Period,
    TimeMention,
    as_of,
    default_period,
    is_whole_year,
    months_to,
    still_ahead,
    year_earlier,
    year_span,
)
from ingest.periods.passage import find_time_mentions, last_framing_year, last_named_year

__all__ = ["KINDS", "Period", "TimeMention", "as_of", "default_period", "find_time_mentions", "is_whole_year",
           "last_framing_year", "last_named_year", "months_to", "still_ahead", "year_earlier", "year_span"]
