"""What is carried while a block is read: the block itself, the context its earlier sentences
leave for later ones, and the figures decided so far."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ingest.extract.scan import _Atom
from ingest.model import Paragraph
from ingest.periods import Period, TimeMention


@dataclass
class _Block:
    """A run of text that figures are read from: a paragraph, a heading or the title."""

    paragraph: Paragraph
    index: int
    section: str | None
    heading: bool = False


@dataclass
class _Context:
    """What a block's earlier sentences leave for later ones."""

    published: date
    fallback: Period | None                 # title or lead period, for change figures only
    section: Period | None = None           # 一、2015年工作回顾: the period of a whole section
    frame: TimeMention | None = None        # the latest time clause of its own (今年以来，) in the block
    last: TimeMention | None = None         # the time phrase in force at the end of the previous part
    last_local: bool = False                # ... and it was a local one (3月份 inside 一季度)
    horizon: TimeMention | None = None      # 到2025年, opening a paragraph of targets
    figure_period: Period | None = None     # the period of the last figure reported (not a target)
    opened: bool = False                    # the block's first sentence is behind
    review: bool = False                    # the section or title looks back on work done
    goal: bool = False                      # the section (or a plan article) sets goals: 二、2022年主要目标
    goal_period: Period | None = None       # ... and the horizon it names
    title: Period | None = None             # the closed reporting period the title names (上半年…运行情况)
    title_flows: bool = False               # ... a year the lead opens with (2022年，…): it dates flows, not stocks
    passage_year: int | None = None         # the last year the paragraphs before named (for 当年, 至年底)
    event: tuple[Period, str] | None = None  # the day or batch period of the event the article reports, its verb
    ceremony: Period | None = None           # the day of the ceremony the lead names (of a batch event too)
    closed_year: int | None = None           # the closed year the title reviews (走进大亚湾——2020年经济发展)
    near_event: bool = False                # the block is one of the first paragraphs, where that event is told
    named_year: int | None = None           # ... and the last one this paragraph names, for the next
    passage_frame_year: int | None = None   # the last year the paragraphs before were framed by (2023年是…)
    carried: Period | None = None           # the year-to-date window that framed the paragraph before (1-10月，…)
    reviewed: Period | None = None          # the closed year the report said it looks back on (回顾2023年，…)
    framing_year: int | None = None         # ... and the one this paragraph is framed by, for the next
    resume: TimeMention | None = None       # the closed period framing the paragraph before 目前 took over
    event_date: bool = False                # the frame is the date of a one-off event, for its own sentence only
    before_event: TimeMention | None = None  # ... and the frame it replaced, back at the full stop

    def framing(self) -> Period | None:
        """The period a figure with no time of its own falls back to in this block."""
        return self.frame.period if self.frame is not None else self.section or self.fallback


@dataclass
class _Pending:
    """A figure of a block with its kind, period and subject decided, before it becomes a Figure."""

    atom: _Atom
    kind: str
    direction: str | None
    period: Period | None
    target_period: Period | None
    subject: str
    sentence: tuple[int, int]
    why_kind: str = ""
    why_period: str = ""
