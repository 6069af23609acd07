"""Blocks: the title, headings and paragraphs of an article read in order, each with the
context the passage before leaves it, and their figures put together."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from ingest.extract.attributes import _FOUNDING_EVENT
from ingest.extract.clauses import _clause_end, _sentence_head, _sentence_start, _sentences
from ingest.extract.context import _Block, _Context, _Pending
from ingest.extract.figure_atoms import _figure_atoms
from ingest.extract.frames import (
    _YEAR,
    RELEASE_LAG,
    _article_event,
    _cumulative_month,
    _first_period,
    _lead_frame,
    _lead_report_period,
    _title_report_period,
)
from ingest.extract.goals import _goal_context
from ingest.extract.scan import _Atom
from ingest.extract.scope import _Scope, _standalone
from ingest.extract.sectors import sector_of
from ingest.extract.sentence import _sentence_figures
from ingest.extract.tables import CELL, _Column, _table_row
from ingest.extract.timing import _BREAKDOWN, _advance, _year_to_date
from ingest.extract.units import _number
from ingest.model import Article, Figure, Paragraph, Sentence
from ingest.periods import (
    Period,
    TimeMention,
    as_of,
    find_time_mentions,
    is_whole_year,
    last_framing_year,
    last_named_year,
    year_span,
)
from ingest.read.markdown import front_matter_end
from ingest.read.text import fold, to_simplified


def _blocks(article: Article) -> list[_Block]:
    blocks: list[_Block] = []
    title = _title_block(article)
    if title is not None:
        blocks.append(title)
    for h in article.headings:
        blocks.append(_Block(h, 0, h.text, heading=True))
    for p in article.paragraphs:
        blocks.append(_Block(p, p.index, p.section))
    blocks.sort(key=lambda b: b.paragraph.offsets[0] if b.paragraph.offsets else 0)
    return blocks




def _title_block(article: Article) -> _Block | None:
    """The title line of a plain or e-paper text, when it is not already a heading."""
    title = (article.title or "").strip()
    if not title or article.format not in ("epaper-text", "text", "markdown"):
        return None
    if any(h.text == title for h in article.headings):
        return None
    front = front_matter_end(article.source) if article.format == "markdown" else 0
    pos = article.source.find(title, front)
    # the title line of the body, wherever page furniture (欢迎您阅览…, 当前版:01版) put it, unless a
    # paragraph holds it
    if pos < 0 or any(p.offsets and p.offsets[0] <= pos <= p.offsets[-1] for p in (*article.paragraphs, *article.headings)):
        return None
    para = _folded_paragraph(article.source, pos, pos + len(title))
    return _Block(para, 0, None, heading=True) if para.text.strip() else None


def _folded_paragraph(source: str, start: int, end: int) -> Paragraph:
    """source[start:end] (one line) as a Paragraph, folded as the reader folds body text."""
    text = "".join(fold(ch) for ch in source[start:end])
    simplified = to_simplified(text)
    if len(simplified) == len(text):
        text = simplified
    return Paragraph(index=0, text=text, offsets=tuple(range(start, end)), section=None)


_REVIEW_WORD = re.compile(r"回顾|总结|成绩|成效|完成情况|工作情况")


@dataclass
class _Passage:
    """What the article and the paragraphs read so far leave for the next paragraph."""

    period: Period | None                  # the title's period or the lead paragraph's frame
    title: Period | None                   # the closed reporting period the title names
    event: tuple[Period, str] | None       # the event the article reports, its verb
    ceremony: Period | None                # the day of the ceremony the lead names
    closed_year: int | None                # the closed year the title reviews (2020年经济发展)
    year: int | None                       # the last year named (for 当年, 至年底)
    frame_year: int | None                 # the last year the paragraphs were framed by
    carried: Period | None = None          # the year-to-date window of the paragraph before
    scene: Period | None = None            # the closed year a figure-less paragraph set the scene with
    reviewed: Period | None = None         # the closed year a paragraph said it looks back on (回顾2023年，…)
    title_flows: bool = False              # that period is a year the lead opens with: it dates flows only

    @classmethod
    def of(cls, article: Article, blocks: list[_Block]) -> _Passage:
        """The passage before the first paragraph: what the title and the opening paragraphs set."""
        published = article.day
        # 丹寨县2015年国民经济和社会发展统计公报: a title naming one year makes it the passage's year
        title_year = last_named_year(find_time_mentions(article.title or "", published))
        titled = _title_report_period(article.title or "", published)
        lead = None if titled is not None else _lead_report_period(blocks, published)
        event, ceremony = _article_event(blocks, published)
        return cls(period=_cumulative_month(_first_period(article.title or "", published) or _lead_frame(blocks, published),
                                            blocks, published),
                   title=_cumulative_month(titled or lead, blocks, published) or _only_window(blocks, published),
                   event=event, ceremony=ceremony, year=title_year, frame_year=title_year,
                   closed_year=titled.start.year if titled is not None and is_whole_year(titled) else None,
                   title_flows=lead is not None and _YEAR.fullmatch(lead.label) is not None)

    def follow(self, block: _Block, ctx: _Context) -> None:
        """Carry what a paragraph named and was framed by to the paragraphs after it."""
        self.year = ctx.named_year or self.year
        self.frame_year = ctx.framing_year or self.frame_year
        if not block.heading:
            last_cutoff = ctx.last if ctx.last is not None and ctx.last.kind == "asof" else None
            scene = _scene_year(block.paragraph.text, ctx.published)
            if self.carried is not None and self.carried is self.scene and ctx.frame is not None:
                self.carried = None   # the scene's year gives way to a time the paragraphs name again
            self.carried = _year_to_date(ctx.frame, ctx.published) or _year_to_date(last_cutoff, ctx.published) \
                or scene or self.carried
            self.scene = scene or self.scene
            self.reviewed = _reviewed_year(block.paragraph.text, ctx.published) or self.reviewed


# 回顾2023年，…取得新突破 (刚刚过去的2022年，…) opening a work report's look back.
# (让我们通过数字，回望唐山2021！: a place may stand between, and 年 may be left out before the close)
_REVIEW_OPENING = re.compile(r"\s*(?:[^。；;！!]{0,16}?(?:回顾|回望|总结|盘点|(?:刚刚|刚)?过去的)[\u4e00-\u9fff]{0,6}?"
                             r"(?P<year>(?:19|20)\d\d)(?:年|(?=[！!。]))|(?:回顾)?(?P<past>过去(?:的)?一年)[,，])")


# 2016年，区党工委、管委会认真贯彻落实…，全区经济社会持续保持了健康稳定发展态势。 (no figure)
_FOUNDING = re.compile(r"成立|设立|获批|批准|挂牌|建立|诞生")
_SCENE_YEAR = re.compile(r"\s*((?:19|20)\d\d)年(?:以来)?[,，]")


def _scene_year(text: str, published: date) -> Period | None:
    """A paragraph with no figure that opens with a closed year sets the scene: the flows and changes in
    the paragraphs after it with no time of their own are that year's (完成市级以上重大项目投资52.24亿元;
    not what a project is like, 规划占地34600平米)."""
    m = _SCENE_YEAR.match(text)
    if m is None or "以来" in m.group() or int(m.group(1)) >= published.year \
            or any(ch.isdigit() for ch in text[m.end():]) or _FOUNDING.search(text, m.end()):
        return None   # (1984年，浙江成立第一个国家级经济技术开发区: a founding, not a year's results)
    return year_span(int(m.group(1)), m.group(1) + "年")


def _reviewed_year(text: str, published: date) -> Period | None:
    """回顾2023年，广安经开区…各项重点工作取得新突破 (or 过去一年，…): the year a report says it
    looks back on; the results in the paragraphs after it with no time of their own are that year's."""
    m = _REVIEW_OPENING.match(text)
    if m is None:
        return None
    if m.group("past"):  # 过去一年，西咸新区…: the year before the article's
        return year_span(published.year - 1, m.group("past"))
    if int(m.group("year")) >= published.year:
        return None
    return year_span(int(m.group("year")), m.group()[m.group().index(m.group("year")):])


_CAPTION_MAX = 40
_TABLE_UNIT_LINE = re.compile(r"(?:计量)?单位\s*[:：]\s*(\S{1,8})")
# A short line of words parted by spaces over a table (序号 指标名称 高新区直管园).
_COLUMN_NAMES = re.compile(r"[^\d\s,，。;；]{1,10}(?:[ \u3000]+[^\d\s,，。;；]{1,10}){1,6}")


# A statistics release: growth said again and again (增长4.9%，…增长6.2%).
_GROWTH = re.compile(r"增长|下降")
_RELEASE_GROWTHS = 6
_YEAR_REVIEW_LAG = 150   # a year reviewed until the spring after it (the 开门红 of 2021, in April 2022)


def _only_window(blocks: list[_Block], published: date) -> Period | None:
    """A release whose title and lead name no period (its head cut off: 第一产业增加值145.88亿元，
    增长3.8%。初步统计，前三季度蔬菜产量增长4.5%…) but whose text names one closed window only,
    just before it appeared: that window is what the whole release reports."""
    paragraphs = [block.paragraph.text for block in blocks if not block.heading]
    if sum(len(_GROWTH.findall(text)) for text in paragraphs) < _RELEASE_GROWTHS:
        return None
    found: dict[tuple[date, date], Period] = {}
    for text in paragraphs:
        for m in find_time_mentions(text, published):
            if m.kind in ("base", "horizon"):
                continue  # 比2020年, “十四五”开好局: a base or a plan, not what is reported
            period = m.period
            if period is not None and m.kind == "asof" and (period.end.month, period.end.day) == (12, 31):
                period = year_span(period.end.year, period.label)  # 截至2021年底 in a review of 2021
            if period is None or m.kind not in ("span", "asof") or period.end >= published \
                    or period.start == period.end:
                return None
            found.setdefault((period.start, period.end), period)
            if len(found) > 1:
                return None
    if len(found) != 1:
        return None
    window = next(iter(found.values()))
    whole_year = (window.start.month, window.start.day, window.end.month, window.end.day) == (1, 1, 12, 31)
    if (published - window.end).days > (_YEAR_REVIEW_LAG if whole_year else RELEASE_LAG):
        return None
    return window


# A news dateline giving the day the report was filed: 本报上海4月7日电, 中国晋江网10月9日讯.
_DATELINE_DAY = re.compile(r"\s*[^，,。！？\d]{0,16}?(?:\d{4}年)?(\d{1,2})月(\d{1,2})日(?:电|讯)")
_DATELINE_PARAGRAPHS = 4
_RELATIVE_DAY = re.compile(r"今天|今日(?!头条)|昨天|昨日|前天")
_DATELINE_LAG = 7


def _dateline_day(article: Article) -> date | None:
    """The day a news report was filed, from its dateline, when it is a few days before the
    paper printed it and the report is a dispatch (…电) or counts days from it: 今天 and
    昨天 count from that day (本报上海4月7日电 …今天上午…大会举行 in the paper of 8 April)."""
    published = article.day
    for p in article.paragraphs[:_DATELINE_PARAGRAPHS]:
        m = _DATELINE_DAY.match(p.text)
        if m is None:
            continue
        if not m.group().endswith("电") and not any(_RELATIVE_DAY.search(q.text) for q in article.paragraphs):
            return None  # 本报…9月20日讯 with no 今天/昨天: 截至目前 stays on the day the paper printed it
        try:
            day = date(published.year, int(m.group(1)), int(m.group(2)))
        except ValueError:
            return None
        if day > published:  # filed in late December, printed in January
            day = day.replace(year=published.year - 1) if (day.month, day.day) != (2, 29) else day
        return day if 0 < (published - day).days <= _DATELINE_LAG else None
    return None


def extract_figures(article: Article) -> list[Figure]:
    """Every figure of the article, in document order."""
    filed = _dateline_day(article)
    if filed is not None:
        article = replace(article, published=filed)
    blocks = _blocks(article)
    passage = _Passage.of(article, blocks)
    figures: list[Figure] = []
    contexts: dict[str | None, _Context] = {}
    header: list[_Column] | None = None
    table_unit: str | None = None          # 单位:亿元 on a line of its own over the table below it
    table_period: Period | None = None     # ... and the period of the caption over that line
    caption: str | None = None
    previous: _Context | None = None
    previous_text = ""
    lead: TimeMention | None = None        # the time a paragraph ending in a colon opened a list of headed items with
    paragraphs = 0
    for block in blocks:
        ctx = _block_context(article, block, passage, previous, previous_text)
        if lead is not None and not block.heading:
            if _HEADED_ITEM.match(block.paragraph.text):
                # 2016年，山东县域经济运行总体平稳，各项指标保持在合理区间：⏎ 财税收入增长较快。全省县域
                # 实现公共财政预算收入4709亿元…: each headed item reports the period the lead opened
                ctx.frame = lead
            else:
                lead = None
        paragraphs += not block.heading
        ctx.near_event = paragraphs <= _EVENT_PARAGRAPHS
        figures.extend(_block_figures(article, block, ctx))
        passage.follow(block, ctx)
        if CELL in block.paragraph.text and not block.heading:
            header = _table_row(article, block, header, contexts.get(block.section) or ctx, figures,
                                table_unit, table_period)
        elif header is not None and _GROUP_LABEL.fullmatch(block.paragraph.text.strip()):
            pass  # 按主要行业分 between rows of a table: a group of its rows, the header stays
        else:
            header = None
            text = block.paragraph.text.strip()
            unit_line = _TABLE_UNIT_LINE.fullmatch(text)
            if unit_line or not _COLUMN_NAMES.fullmatch(text):
                # 2022年全区生产总值及其增长速度 ⏎ 单位:亿元 ⏎ <table>: the caption's period and the
                # unit (kept over a line of column names: 单位:亿元、% ⏎ 序号 指标名称 高新区 ⏎ <table>)
                table_period = _first_period(caption, article.day) if unit_line and caption else None
                table_unit = unit_line.group(1) if unit_line else None
            caption = text if len(text) <= _CAPTION_MAX and CELL not in text else None
            if not block.heading:
                contexts[block.section] = ctx
                previous, previous_text = ctx, text
                if _LIST_LEAD_END.search(text):
                    lead = _lead_time(text, ctx)
    figures.sort(key=lambda f: (f.start, f.end))
    return _headline_as_body(figures, article.day)


# The paragraphs that tell the event a news report is about (the lead and the two after it): an
# undated description of a project there is the project of that event, on its day.
_EVENT_PARAGRAPHS = 3
# A row of a table that only names a group of the rows below it (按主要行业分, 在总计中:).
_GROUP_LABEL = re.compile(r"[^\d，,。；;！？!?]{1,16}[:：]?")
_LIST_ITEM_END = re.compile(r"[；;]\s*$")
_LIST_LEAD_END = re.compile(r"[:：]\s*$")
_TENTHS = Decimal(10)
_OWN_YEAR = re.compile(r"\d{2,4}\s*年|今年|去年|本年|上年|明年|前年|当年")


def _of_reviewed_year(m: TimeMention, text: str, year: int) -> TimeMention:
    """走进大亚湾——2020年经济发展 (July 2021): 第一季度、上半年 with no year of their own are the
    reviewed year's parts, not this year's."""
    p = m.period
    if m.kind != "span" or p is None or p.start.year != p.end.year or p.start.year == year \
            or is_whole_year(p) or _OWN_YEAR.search(text, m.start, m.end):
        return m
    return replace(m, period=Period(p.start.replace(year=year), p.end.replace(year=year), p.label))


def _lead_time(text: str, ctx: _Context) -> TimeMention | None:
    """The last time phrase a list's lead names (…了解到，2016年，…各项指标保持在合理区间：)."""
    # (…自4月1日起施行…，综合来看，…呈以下特点：: a day inside a clause frames nothing)
    found = [m for m in find_time_mentions(text, ctx.published, ctx.passage_year, ctx.passage_frame_year)
             if m.kind in ("span", "since", "asof") and m.period is not None and not m.window
             and _standalone(text, m, _sentence_start(text, m.start))]
    return found[-1] if found else None


# An item headed by a short sentence of its own (财税收入增长较快。…).
_HEADED_ITEM = re.compile(r"\s*[^\d,，。;；:：!！?？]{2,20}[。！]")


def _headline_as_body(figures: list[Figure], published: date) -> list[Figure]:
    """151个项目集中开竣工 总投资704亿元 over a report dating them (昨日…，列入本次集中开竣工项目151个、
    总投资704亿元), or a figure standing alone as a section's head (7.0% over 去年…累计增长7.0%): a
    headline figure with no time of its own repeats the body's after it, and takes its kind and
    period instead of the article's date."""
    day = published.isoformat()
    out = []
    for i, f in enumerate(figures):
        headline = f.paragraph == 0 or f.sentence.strip() == f.text
        if headline and f.period_start == f.period_end == day:
            same = next((g for g in figures[i + 1:] if (g.value, g.unit) == (f.value, f.unit) and g.paragraph > 0
                         and g.sentence.strip() != g.text), None)
            if same is not None and same.kind != "target" and (same.period_start, same.period_end) != (day, day):
                f = replace(f, kind=same.kind, direction=same.direction, period_start=same.period_start,
                            period_end=same.period_end, period_label=same.period_label,
                            why_kind=f"a headline repeating the body's figure: {same.why_kind}",
                            why_period=f"a headline repeating the body's figure: {same.why_period}")
        out.append(f)
    return out


def _block_context(article: Article, block: _Block, passage: _Passage, previous: _Context | None,
                   previous_text: str = "") -> _Context:
    """The context a block's sentences start from: the passage so far, the section's period
    and goals, and for a paragraph opening with 其中, or an item of a list laid out a paragraph
    an item, the time in force where the one before ended."""
    published = article.day
    section_period = None if block.heading else _first_period(block.section or "", published)
    ctx = _Context(published, passage.period, section_period, title=passage.title, title_flows=passage.title_flows,
                   review=bool(_REVIEW_WORD.search(f"{block.section or ''} {article.title or ''}")),
                   passage_year=passage.year, passage_frame_year=passage.frame_year, event=passage.event, ceremony=passage.ceremony,
                   closed_year=passage.closed_year,
                   carried=passage.carried, reviewed=passage.reviewed)
    if not block.heading:
        ctx.goal, ctx.goal_period = _goal_context(block.section, article.title, published)
        if ctx.goal and ctx.section is not None and ctx.section.end < published:
            ctx.goal = False  # 2021年发展目标完成情况 read in 2022: a look back
    text = block.paragraph.text
    if previous is not None and not block.heading and (_BREAKDOWN.match(text, _sentence_head(text, 0))
                                                       or _LIST_ITEM_END.search(text) or _LIST_ITEM_END.search(previous_text)):
        # 其中，… opening a paragraph breaks down the figures that closed the one before; a
        # paragraph ending in a semicolon, or the one after it, is an item of a list whose lead
        # (2016年，高新区实现…。⏎ 规模以上工业企业实现总产值121.7亿元，比上年增长12.77%；⏎ …) is above.
        ctx.figure_period, ctx.last, ctx.frame = previous.figure_period, previous.last, previous.frame
    return ctx


def _block_figures(article: Article, block: _Block, ctx: _Context) -> list[Figure]:
    text = block.paragraph.text
    mentions = find_time_mentions(text, ctx.published, ctx.passage_year, ctx.passage_frame_year,
                                  ctx.ceremony.start if ctx.ceremony is not None else None)
    if ctx.closed_year is not None and ctx.closed_year < ctx.published.year:
        mentions = [_of_reviewed_year(m, text, ctx.closed_year) for m in mentions]
    ctx.named_year = last_named_year(mentions)
    ctx.framing_year = last_framing_year(text, mentions)
    atoms = _figure_atoms(text)
    if not atoms:
        return []
    scope = _Scope(mentions, [m.start for m in mentions])
    figure_starts = [a.start for a in atoms]
    sentences = _sentences(text)
    lead = text[sentences[0][0]:_clause_end(text, sentences[0][0], sentences[0][1])] if sentences else ""
    sector = sector_of(lead, block.section, text, article.title)
    pending: list[_Pending] = []
    ai = 0
    for sent in sentences:
        sent_atoms: list[_Atom] = []
        while ai < len(atoms) and atoms[ai].start < sent[1]:
            sent_atoms.append(atoms[ai])
            ai += 1
        if sent_atoms:
            pending.extend(_sentence_figures(text, sent, sent_atoms, scope, figure_starts, ctx))
        elif _FOUNDING_EVENT.search(text, sent[0], sent[1]):
            # 2005年3月，园区管委会挂牌成立。园区规划面积30平方公里: a date of an event with no
            # figure of its own dates that event only, not the description after it.
            ctx.opened = True
            continue
        _advance(ctx, text, scope, sent)
    whole: dict[tuple[int, int], Sentence] = {}
    return [_to_figure(article, block, p, sector, whole) for p in pending]


# A figure keeps the sentence it stands in; a "sentence" longer than this (a list of 8,000
# counts joined by 、, a table flattened into one line) keeps only the stretch around the
# figure, so that storing, linking and showing each figure costs the same however long the
# sentence is.
SENTENCE_WINDOW = 300


def _sentence_window(sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    s0, s1 = sentence
    if s1 - s0 <= 2 * SENTENCE_WINDOW + (end - start):
        return s0, s1
    return max(s0, start - SENTENCE_WINDOW), min(s1, end + SENTENCE_WINDOW)


def _to_figure(article: Article, block: _Block, p: _Pending, sector: str,
               whole: dict[tuple[int, int], Sentence]) -> Figure:
    """The figure of ``p``; ``whole`` holds the block's sentences made so far, so that the
    figures of one sentence share its text (one object, however many figures)."""
    para = block.paragraph
    a = p.atom
    start, end = para.source_span(a.start, a.end)
    s0, s1 = _sentence_window(p.sentence, a.start, a.end)
    s_start, s_end = para.source_span(s0, s1)
    if p.sentence not in whole:
        w0, w1 = p.sentence
        whole[p.sentence] = Sentence(*para.source_span(w0, w1), para.text[w0:w1])
    period = p.target_period if p.kind == "target" else p.period
    if period is not None and period.end < period.start:
        period = as_of(period.start, period.label)  # never a period that ends before it starts
    label = period.label if period is not None else None
    value, value_max, unit = a.value, a.value_max, a.unit or ""
    if a.scale == _TENTHS and unit == "%" and p.kind != "change":
        # 占比超八成, 近六成: 成 stays 成 (CONVENTIONS §2); read as % only while deciding the kind,
        # and a growth of 近五成 is a growth in % (the dev gold)
        value, value_max, unit = value / _TENTHS, value_max / _TENTHS if value_max is not None else None, "成"
    return Figure(
        start=start, end=end, text=article.source[start:end],
        value=_number(-value if a.negative and p.kind != "change" else value),
        value_max=_number(value_max) if value_max is not None else None,
        unit=unit, qualifier=a.qualifier, kind=p.kind,
        direction=p.direction if p.kind == "change" else None,
        period_start=period.start.isoformat() if period else None,
        period_end=period.end.isoformat() if period else None,
        period_label=label or None,
        subject=p.subject, sector=sector, section=block.section if not block.heading else None,
        paragraph=block.index, sentence=para.text[s0:s1],
        sentence_start=s_start, sentence_end=s_end, whole_sentence=whole[p.sentence],
        why_kind=p.why_kind, why_period=p.why_period if p.kind != "target" else (
            f"target horizon: {period.label}" if period is not None else "target with no horizon"),
    )


def figures_in_text(text: str, published: date) -> list[Figure]:
    """Figures of a bare piece of text (one paragraph), for tests and quick checks."""
    offsets = tuple(range(len(text)))
    para = Paragraph(index=1, text=text, offsets=offsets, section=None)
    article = Article(path="<text>", source=text, encoding="utf-8", sha256="", format="text",
                      published=published, title="", source_id="text", paragraphs=[para])
    return extract_figures(article)
