"""Frames set by the article as a whole: the period of its title or a heading, the time clause
opening its first paragraph, and the event a news report is about."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from ingest.extract.clauses import _SENTENCE_END, _sentence_start
from ingest.extract.context import _Block, _Context
from ingest.extract.scope import _is_window, _standalone
from ingest.extract.timing import CUMULATIVE
from ingest.periods import Period, find_time_mentions, months_to
from ingest.read.lines import BULLET


@lru_cache(maxsize=256)
def _first_period(text: str, published: date) -> Period | None:
    """The period a heading or title speaks of (前三季度全省…); a full date there is a dateline, not a period."""
    for m in find_time_mentions(text, published):
        if m.kind in ("span", "since") and m.period is not None:
            return m.period
    return None


def _title_report_period(title: str, published: date) -> Period | None:
    """The reporting period a title names when it is over by the article's date (上半年全市
    开发区经济运行情况分析, 一季度…, 1-5月…, 2018年…工作总结): at most a calendar year, so
    that plans and runs of years (“十三五”成就, 近三年) do not count."""
    for m in find_time_mentions(title, published):
        if m.kind != "span" or m.period is None or m.window:
            continue
        p = m.period
        if p.start.year != p.end.year:
            continue  # (“十三五”及2020年“经济成绩单”: the plan period is passed over, the year reports)
        if p.end < published and p.start.year >= published.year - 1:
            return p
        return None
    return None


def _lead_paragraph(blocks: list[_Block], published: date) -> _Block | None:
    """The article's first paragraph, past a summary box of bullet lines with no time phrase
    (●营业收入13977.46亿元…), which states the lead's figures again."""
    for block in blocks:
        if block.heading:
            continue
        if BULLET.match(block.paragraph.text) and not find_time_mentions(block.paragraph.text, published):
            continue
        return block
    return None


def _cumulative_month(period: Period | None, blocks: list[_Block], published: date) -> Period | None:
    """2020年10月全区经济运行情况 whose lead says 主要经济指标累计降幅持续收窄: a month's release
    reporting cumulative figures reports the months of the year up to it (1-10月)."""
    months = months_to(period)
    lead = _lead_paragraph(blocks, published) if months is not None else None
    if months is None or lead is None:
        return period
    end = _SENTENCE_END.search(lead.paragraph.text)
    if not CUMULATIVE.search(lead.paragraph.text, 0, end.end() if end else len(lead.paragraph.text)):
        return period
    return replace(months, label=f"1-{months.end.month}月（{months.label}累计）")


# How far into the lead's first sentence its reporting period may stand (全省高新区上半年实现…).
_LEAD_HEAD = 16


def _lead_report_period(blocks: list[_Block], published: date) -> Period | None:
    """The closed reporting period the lead's first sentence opens with, when the title names
    none (全省高新区上半年实现营业收入13977.46亿元，同比增长28.09%): a release reporting that
    window, whose later paragraphs (营业收入中，…) report it too."""
    lead = _lead_paragraph(blocks, published)
    if lead is None:
        return None
    text = lead.paragraph.text
    end = _SENTENCE_END.search(text)
    head = text[:min(end.start() if end else len(text), _LEAD_HEAD)]
    for m in find_time_mentions(head, published):
        if any(ch.isdigit() for ch in head[:m.start]) or (any(ch.isdigit() for ch in head[m.start:m.end])
                                                          and not _YEAR.fullmatch(head, m.start, m.end)):
            # a figure first (园区5年来…), or a month (10月份，… over a release of 1-10月 figures)
            return None
        # 由去年的40分钟缩短至15分钟: a starting point or a base, not what the lead reports
        if head[m.start - 1:m.start] in _NOT_REPORTING_BEFORE or head.startswith("的", m.end):
            return None
        return _title_report_period(head[m.start:m.end], published)
    return None


_NOT_REPORTING_BEFORE = frozenset("由从自比较与同在于到至")
_YEAR = re.compile(r"\d{4}年(?:度|全年)?")


def _lead_frame(blocks: list[_Block], published: date) -> Period | None:
    """The time clause opening the article's first paragraph (今年前三季度，…): later change
    figures with no period of their own are read against it."""
    lead = _lead_paragraph(blocks, published)
    if lead is None:
        return None
    text = lead.paragraph.text
    for m in find_time_mentions(text, published):
        if m.kind in ("span", "since", "asof") and not _is_window(m) \
                and _standalone(text, m, _sentence_start(text, m.start)):
            if m.kind == "asof" and m.period is not None and (published - m.period.end).days > _LEAD_DAY_AGE:
                continue  # 2015年12月16日，随着国务院批复同意，…新区…: a day of its history, no frame for changes
            return m.period
    return None


_LEAD_DAY_AGE = 31  # days
# How long after a window of months closes its release comes out (1-11月 in late December).
RELEASE_LAG = 62  # days
# What a news report's event is: a ceremony or a batch of projects started, signed, finished.
_EVENT_VERB = re.compile(r"集中开工|集中签约|集中竣工|集中投产|开工|签约|竣工|投产|开业|揭牌|奠基|落户|开幕|举行|举办|召开")
_BATCH_AFTER = re.compile(r"[^,，。;；:：]{0,8}?(?:集中开工|集中签约|集中竣工|集中投产|开工|签约|竣工|投产)")
_REPORTED_ON = re.compile(r"(?:项目)?(?:情况|进展情况|工作)")
_SETTING_VERBS = frozenset({"举行", "举办", "召开"})  # name the occasion, not what happened at it
_BACK_REFERENCE = re.compile(r"此次|本次|这次|这批|该批|上述|这些项目")
_EVENT_SEARCH_BLOCKS = 4
# A wire's day inside its sentence, right before where or how the event took place (…仪式18日在重庆举行,
# 会议昨天上午召开).
_WIRE_DAY_AFTER = re.compile(r"(?:上午|下午|晚间|晚上|晚|早上|凌晨|中午)?(?:在|于|举行|举办|召开|开幕|闭幕|签约|开工|揭牌)")


def _article_event(blocks: list[_Block], published: date) -> tuple[tuple[Period, str] | None, Period | None]:
    """The event a news report is about, from its first paragraphs: a batch period naming the
    projects (2021年第四季度重点项目集中开工 → that quarter) or else the day a sentence opens
    with (昨天，…集中开工 / 12月1日上午，…举行…). Undated figures elsewhere in the article that
    name the same event (the headline repeated, 此次共有8个项目…) are dated by it.

    Also returns the day of the ceremony when the lead names one (3月6日，…举行2019年一季度重点项目
    集中开工仪式): what the projects of a batch are like is told on that day."""
    day: tuple[Period, str] | None = None
    seen = 0
    for block in blocks:
        if block.heading:
            continue
        seen += 1
        if seen > _EVENT_SEARCH_BLOCKS:
            break
        text = block.paragraph.text
        for m in find_time_mentions(text, published):
            p = m.period
            if p is None or p.start > published or m.window or text.startswith(("电", "讯"), m.end):
                continue  # (本报4月22日讯: the day the report was filed, not the event's)
            batch = _BATCH_AFTER.match(text, m.end)
            if batch is not None and _REPORTED_ON.match(text, batch.end()):
                batch = None   # 通报了2022年3月份县市区新签约项目情况: a report on a batch, not the event
            if batch is not None and m.kind in ("span", "horizon") and (p.end - p.start).days < 100:
                verb = _EVENT_VERB.search(batch.group())
                return (p, verb.group() if verb else ""), day[0] if day is not None else None
            if day is None and m.kind == "asof" and p.start == p.end and (published - p.end).days <= 7:
                start = _sentence_start(text, m.start)
                opens = _standalone(text, m, start)
                if opens or _WIRE_DAY_AFTER.match(text, m.end) is not None:
                    sent_end = _SENTENCE_END.search(text, m.end)
                    # (…签约仪式18日在重庆举行: the words before the day name the event too)
                    verbs = _EVENT_VERB.findall(text, m.end if opens else start, sent_end.start() if sent_end else len(text))
                    if verbs:
                        day = (p, "|".join(verbs))
    return day, day[0] if day is not None else None


def _event_period(text: str, sent: tuple[int, int], ctx: _Context) -> Period | None:
    """The event's period for an undated figure whose sentence names the event again."""
    if ctx.event is None:
        return None
    period, verb = ctx.event
    first = _SENTENCE_END.search(text)
    # the figure's sentence, or the paragraph's opening one (此次集中开工的项目…。其中，…), names it
    verbs = [v for v in verb.split("|") if v not in _SETTING_VERBS]
    # (…重大项目集中开工现场推进会…。⏎ 从领域上看，重大创新载体开工18项；重大产业项目100项: the batch's own verb)
    verbs += [v[2:] for v in verbs if v.startswith("集中")]
    for part in (text[sent[0]:sent[1]], text[:first.end() if first else len(text)]):
        if _BACK_REFERENCE.search(part) or any(v in part for v in verbs):
            return period
    return None
