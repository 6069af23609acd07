"""Linking figures to indicators by their normalised subject.

For each figure the words around its number are read for the dimensions of
dimensions.yaml: the measure (总投资), its scope (新材料), classes (亿元以上), stages (签约)
and form (占比, 拉动). The combination is looked up in the catalog; the figure links to
that indicator when the catalog has it and stays unlinked otherwise, with the closest
indicators as candidates. The words that gave each dimension are kept on the figure
(Figure.link_evidence).

Where the words are read, nearest first:
  tail     the words right after the number, for counts (41家…汽车零部件生产企业)
  lead     the words right before the number, back to the previous figure or clause start
  subject  the extractor's subject
  previous figure of the same clause group, when the lead has no measure of its own
           (签约项目56个，总投资270亿元: the investment of the signed projects;
           实现产值32亿元，同比增长12%: the change of that output)
  sentence and paragraph, for the industry a figure is about (生物医药产业…医药生产企业21家)
Rules that keep different things apart:
  - 其中 subsets never take the key of the total they are part of;
  - 签约, 在谈, 储备, 入驻 … are stages: different stages are different indicators;
  - 拉动 … 个百分点 (pull) and 占比 (share) are forms of their own;
  - a change in 个百分点 of a growth rate (增速提高2.5个百分点) and a gap (高于…增速0.9个
    百分点) are not changes of the indicator and stay unlinked.
A figure keeps its kind: a level, its change and its target share the indicator and are
three series (the series view is keyed on indicator, region, kind and unit).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ingest.catalog.load import catalog
from ingest.catalog.model import Catalog, Key
from ingest.catalog.parse import SUBSET_WORDS, TOPIC_MEASURES, list_items, parse
from ingest.catalog.regions import detect_region, figure_region, region_spans
from ingest.catalog.words import Context, Parsed
from ingest.model import Article, Figure
from ingest.reader import t2s_table, to_simplified

# Ends of a clause: the words before a number are looked for back to one of these.
CLAUSE_END = ",，;；。!！?？:：\n"
# Items of a list: the words after a number are looked for up to one of these.
LIST_END = CLAUSE_END + "、"
_CLAUSE_ENDS = re.compile(f"[{re.escape(CLAUSE_END)}]")
_LIST_ENDS = re.compile(f"[{re.escape(LIST_END)}]")
_OWN_MEASURE = re.compile(r"\[(?:before|after|subject|list item)\]$")
_TITLE_END = re.compile(r"[。!?！？;；]")


@dataclass
class Link:
    indicator: str | None
    evidence: str
    rival: str | None = None
    margin: float | None = None
    parsed: Parsed | None = None


# ---------------------------------------------------------------------------- context

def _as_percent(unit: str) -> str:
    """成 (tenths) is a share or rate as % is: the catalog's rules read it as %."""
    return "%" if unit == "成" else unit


def _figure_positions(sentence: str, figures: Sequence[Figure]) -> list[int]:
    """Where each figure's text stands in its sentence (the sentence may be folded text)."""
    out: list[int] = []
    taken: set[int] = set()
    for f in figures:
        guess = max(0, f.start - f.sentence_start)
        pos = _nearest(sentence, f.text, guess, taken)
        if pos is not None:
            taken.add(pos)
            out.append(pos)
            continue
        hits: list[int] = []
        at = sentence.find(f.text) if f.text else -1
        while at >= 0:
            hits.append(at)
            at = sentence.find(f.text, at + 1)
        hits = [h for h in hits if h not in taken] or hits
        pos = min(hits, key=lambda h: abs(h - guess)) if hits else min(guess, len(sentence))
        taken.add(pos)
        out.append(pos)
    return out


def _nearest(sentence: str, text: str, guess: int, taken: set[int]) -> int | None:
    """The occurrence of text nearest to guess (the earlier one on a tie) when it and the
    nearest on the other side are both free, else None (then every occurrence is weighed).
    Two finds instead of listing every occurrence: a list of 16,000 equal items made that
    quadratic."""
    if not text:
        return None
    below = sentence.rfind(text, 0, guess + len(text))
    above = sentence.find(text, guess + 1)
    if below in taken or above in taken or (below < 0 and above < 0):
        return None
    if below < 0:
        return above
    if above < 0:
        return below
    return below if guess - below <= above - guess else above


class _Ends:
    """Where a sentence's clauses and list items end (CLAUSE_END, LIST_END), found once for all
    the figures of the sentence: each figure then looks its clause up instead of searching
    the sentence for each of ten characters."""

    def __init__(self, sentence: str) -> None:
        self.clause = [m.start() for m in _CLAUSE_ENDS.finditer(sentence)]
        self.item = [m.start() for m in _LIST_ENDS.finditer(sentence)]

    def last_clause_end(self, pos: int) -> int:
        """The last clause end before pos, or -1."""
        k = bisect_left(self.clause, pos)
        return self.clause[k - 1] if k else -1

    @staticmethod
    def next_end(ends: list[int], at: int, default: int) -> int:
        """The first of ends at or after at, else default."""
        k = bisect_left(ends, at)
        return ends[k] if k < len(ends) else default


def _lead_tail(sentence: str, pos: int, length: int, spans: list[tuple[int, int]],
               ends: _Ends | None = None, ordered: list[tuple[int, int]] | None = None) -> tuple[str, str, str, str]:
    """(lead, tail, clause, rest): the words before the number back to the previous figure or
    the clause start, the words after it, the clause up to the number and the clause after it.
    ``spans`` are the sentence's figures, ``ordered`` the same sorted (both may be given once
    for all the figures of a sentence, with its ``ends``)."""
    ends = ends or _Ends(sentence)
    start = ends.last_clause_end(pos) + 1
    clause = sentence[start:pos]
    for _s, e in spans:
        if e <= pos and e > start:
            start = e
    lead = sentence[start:pos]
    end = pos + length
    stop = ends.next_end(ends.item, end, len(sentence))
    clause_stop = ends.next_end(ends.clause, end, len(sentence))
    # Skip a figure that follows at once (新建3个12000平方米口袋公园), stop at a later one.
    cursor = end
    for s, e in ordered if ordered is not None else sorted(spans):
        if s < cursor or s >= stop:
            continue
        if sentence[cursor:s].strip():
            stop = s
            break
        cursor = e
    return lead, sentence[end:stop], clause, sentence[end:clause_stop]


PARAGRAPH_BEFORE_MAX = 2000


@lru_cache(maxsize=1)
def _foldable() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The characters of the Basic Multilingual Plane that to_simplified changes, and any
    character beyond that plane (a class holding both is searched a hundred times slower)."""
    table = t2s_table()
    changed = "".join(re.escape(chr(c)) for c in sorted(table) if c < 0x10000 and table[c] != chr(c))
    return re.compile(f"[{changed}]"), re.compile(r"[^\x00-\uffff]")


def folded(text: str) -> str:
    """text in simplified characters (to_simplified), left as it is when to_simplified would
    change none of its characters, as in most articles (the reader folds traditional ones):
    the two searches cost a tenth of translating the text character by character."""
    changed, beyond = _foldable()
    return to_simplified(text) if changed.search(text) or beyond.search(text) else text


def figure_contexts(figures: Sequence[Figure], paragraphs: dict[int, str],
                    cat: Catalog | None = None) -> list[tuple[Context, str, str]]:
    """Each figure's Context, clause (up to the number) and the paragraph's text before its
    sentence, in the given order. ``paragraphs`` maps paragraph numbers to their text; it may
    be empty."""
    out: list[tuple[Context, str, str] | None] = [None] * len(figures)
    groups: dict[tuple[int, int, str], list[int]] = {}
    for i, f in enumerate(figures):
        groups.setdefault((f.paragraph, f.sentence_start, f.sentence), []).append(i)
    folded_paragraphs: dict[int, str] = {}
    # Traditional characters folded once per text (one character for one: offsets and slices
    # hold): the figures of a sentence share its subject, section and sector.
    folded_texts: dict[str, str] = {}

    def folded_text(text: str | None) -> str:
        text = text or ""
        if text not in folded_texts:
            folded_texts[text] = folded(text)
        return folded_texts[text]

    for (paragraph, _, sentence), members in groups.items():
        members.sort(key=lambda i: figures[i].start)
        positions = _figure_positions(sentence, [figures[i] for i in members])
        spans = [(p, p + len(figures[i].text)) for p, i in zip(positions, members)]
        ordered = sorted(spans)
        ptext = paragraphs.get(paragraph, "")
        at = ptext.find(sentence[:20]) if sentence else -1
        if paragraph not in folded_paragraphs:
            folded_paragraphs[paragraph] = folded(ptext)
        # The paragraph's words before the sentence, at most the last PARAGRAPH_BEFORE_MAX
        # characters: what decides the region and topic is near, and a whole long paragraph
        # kept for each of thousands of figures costs quadratic time and memory.
        folded_before = folded_paragraphs[paragraph][max(0, at - PARAGRAPH_BEFORE_MAX):at] if at > 0 else ""
        folded_sentence = folded(sentence)
        ends = _Ends(folded_sentence)
        for i, pos in zip(members, positions):
            f = figures[i]
            lead, tail, clause, rest = _lead_tail(folded_sentence, pos, len(f.text), spans, ends, ordered)
            ctx = Context(folded_text(f.subject), lead, tail, folded_sentence[:pos], folded_sentence, _as_percent(f.unit), f.kind, rest,
                          folded_before, folded_text(f.section), folded_text(f.sector))
            out[i] = (ctx, clause, folded_before)
    return [c for c in out if c is not None]


# ---------------------------------------------------------------------------- linking

def _candidates(cat: Catalog, key: Key, limit: int = 3) -> list[str]:
    """Catalog indicators closest to a key the catalog does not have (scored once per key:
    a table of thousands of unlinked figures asks for the same few keys)."""
    if (key, limit) not in cat._near:
        cat._near[(key, limit)] = _score_candidates(cat, key, limit)
    return list(cat._near[(key, limit)])


def _score_candidates(cat: Catalog, key: Key, limit: int) -> list[str]:
    scored = []
    for k, ident in cat.keys_of(key.measure):
        score = (k.scope == key.scope) * 4 + len(set(k.classes) & set(key.classes)) * 2 + (k.stages == key.stages) * 3 \
            + (k.form == key.form) * 3 + (k.currency == key.currency) - len(set(k.classes) ^ set(key.classes)) \
            - (k.scope is not None and k.scope != key.scope and not (key.scope and cat.scope_within(key.scope, k.scope))) * 2
        scored.append((score, ident))
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [ident for _, ident in scored[:limit]]


def _describe(cat: Catalog, p: Parsed, kind: str) -> str:
    parts = []
    for dim in ("measure", "scope", "class", "stage", "form"):
        if dim in p.why:
            parts.append(f"{dim}={p.why[dim].strip()}")
    if p.currency:
        parts.append(f"currency={p.currency}")
    parts.append(f"kind={kind}")
    return " ".join(parts)


def decide(cat: Catalog, parsed: Parsed, kind: str, unit: str) -> Link:
    """The indicator of a parsed figure, with its evidence and, when doubtful, a rival."""
    words = _describe(cat, parsed, kind)
    if parsed.refuse:
        return Link(None, f"unlinked: {parsed.refuse}" + (f"; {words}" if parsed.measure else ""), parsed=parsed)
    key = parsed.key()
    assert key is not None
    ident = cat.by_key.get(key)
    if ident is None and "scope" in parsed.weak:
        # The industry came from the paragraph's topic, a guess: without it the figure may
        # still name an indicator (拥有…单项冠军企业1家 in a paragraph on 生物医药).
        bare = Key(key.measure, None, key.classes, key.stages, key.form, key.currency)
        if bare in cat.by_key and (key.classes or key.stages or key.form):
            parsed.why["scope"] = parsed.why.get("scope", "").replace("[paragraph]", "[paragraph, no indicator with it]")
            parsed.scope, key, ident = None, bare, cat.by_key[bare]
            words = _describe(cat, parsed, kind)
    if ident is None:
        near = _candidates(cat, key)
        return Link(None, f"unlinked: no indicator for {key.label()}; {words}"
                    + (f"; candidates: {', '.join(near)}" if near else ""), parsed=parsed)
    rival = margin = None
    m = cat.measures[key.measure]
    if m.currencies and unit in ("%", "倍", "百分点"):
        # A growth rate in yuan is not one in dollars: the currency is a person's call.
        other = Key(key.measure, key.scope, key.classes, key.stages, key.form,
                    None if key.currency else next(c for c in ("元", "美元") if c != m.unit))
        if other in cat.by_key:
            rival, margin = cat.by_key[other], 0.0
    elif "scope" in parsed.weak and key.scope is not None:
        # The industry is the paragraph's topic, a guess: the zone-wide indicator is the rival.
        other = Key(key.measure, None, key.classes, key.stages, key.form, key.currency)
        if other in cat.by_key:
            rival, margin = cat.by_key[other], 10.0
    return Link(ident, f"{words} -> {ident}", rival, margin, parsed)


REGION_LIST = "\x00regions"


def _clause_items(cat: Catalog, sentence: str, positions: list[int], i: int) -> str | None:
    """The figure's own item when its clause lists things before 分别 and figures after it."""
    pos = positions[i]
    if sentence.rfind("分别", 0, pos) < 0:
        return None         # no list before the number (most figures): nothing to look for
    start = max([sentence.rfind(c, 0, pos) for c in ",，;；。:："] + [-1]) + 1
    clause = sentence[start:pos]
    k = clause.rfind("分别")
    if k < 0:
        return None
    head = re.split(r"[,，]", clause[:k])[-1]
    if sum(_names_a_place(cat, part) for part in re.split(r"[、和及与]", head)) >= 2:
        return REGION_LIST      # 石家庄、唐山、沧州三市开发区营业收入分别完成…: one figure per place
    items = list_items(cat, head)
    if not items and not head.strip(" 按可比口径同比"):  # noqa: B005 (the characters of 按可比口径同比, as a set)
        # 城镇和农村居民人均可支配收入分别达…元和…元，分别增长3%和6.4%; 高端技术装备制造、新材料领域
        # 位列其后，分别同比增长63.0%和44.9%: the list of the clause before
        for earlier in reversed(re.split(r"[,，;；。:：]", sentence[:start].rstrip(",， "))[-2:]):
            j = earlier.rfind("分别")
            items = list_items(cat, earlier[:j] if j >= 0 else earlier)
            if items:
                break
    if not items:
        return None
    after = [p for p in positions if start + k <= p <= pos]
    index = len(after) - 1
    return items[index] if 0 <= index < len(items) else None


def link_figures(article: Article, figures: list[Figure], cat: Catalog | None = None) -> list[Figure]:
    """Set each figure's indicator (a catalog id, or None: it then waits in the review queue),
    region and link evidence; returns the figures.

    Also sets article.region, when the source gave none, to the region the article is about.
    """
    cat = cat or catalog()
    article.region = cat.region_name(article.region) or detect_region(article, cat)
    contexts = figure_contexts(figures, {p.index: p.text for p in article.paragraphs}, cat)
    order = sorted(range(len(figures)), key=lambda i: (figures[i].paragraph, figures[i].sentence_start, figures[i].start))
    previous: dict[tuple[int, int, int], tuple[Parsed, str, Key | None]] = {}
    topic: str | None = None
    positions_of: dict[tuple[int, int], list[int]] = {}
    title_line: tuple[int, tuple[Parsed, str, Key | None]] | None = None   # where the last title line ends, its figure
    for i in order:
        f = figures[i]
        ctx, clause, paragraph_before = contexts[i]
        sentence_key = (f.paragraph, f.sentence_start)
        positions = positions_of.setdefault(sentence_key, [])
        pos = len(ctx.before)
        positions.append(pos)
        group = ctx.before.count("；") + ctx.before.count(";") + ctx.before.count("。")
        prev_entry = previous.get((f.paragraph, f.sentence_start, group))
        headline = _headline(ctx.sentence)
        if prev_entry is None and headline and title_line is not None \
                and 0 < f.sentence_start - title_line[0] <= 4:
            # 全市去年地区生产总值达3676.4亿元 / 同比增长6.4%: a subtitle line right under the title line
            # continues it.
            prev_entry = title_line[1]
        prev, prev_kind, prev_key = prev_entry if prev_entry else (None, None, None)
        item = _clause_items(cat, ctx.sentence, positions, len(positions) - 1)
        if item == REGION_LIST:
            parsed = Parsed(refuse="a figure of one of several places listed before 分别: its region is not resolved")
        else:
            parsed = parse(cat, ctx, prev, prev_kind, region_spans(cat, ctx.lead, article.region), item, topic)
        if item is not None and parsed.measure is not None:
            parsed.why = {k: v.replace("[before]", "[list item]").replace("[previous figure]", "[list item]")
                          for k, v in parsed.why.items()}
        key = parsed.key()
        if not parsed.refuse and prev_key is not None and key == prev_key and prev_kind == f.kind \
                and SUBSET_WORDS.search(ctx.lead):
            parsed.refuse = "a 其中 subset of the figure before it, with no words of its own"
        link = decide(cat, parsed, f.kind, _as_percent(f.unit))
        f.indicator, f.link_rival, f.link_margin = link.indicator, link.rival, link.margin
        f.link_evidence = link.evidence
        f.region = figure_region(cat, article.region, clause, ctx.before, paragraph_before, ctx.lead)
        # The next figure of the clause group reads this one, linked or not: a figure with no
        # words of its own (产业链现代化提升类72个) passes nothing on.
        previous[(f.paragraph, f.sentence_start, group)] = (parsed, f.kind, key)
        title_line = (f.sentence_end, (parsed, f.kind, key)) if headline else None
        # What the article measures, in its own words: the topic of later figures that name
        # only a part of it (分领域看，航空航天领域增长166.8%).
        if parsed.measure in TOPIC_MEASURES and not parsed.refuse and f.kind in ("level", "change") \
                and _OWN_MEASURE.search(parsed.why.get("measure", "")):
            topic = parsed.measure
    return figures


def _headline(sentence: str) -> bool:
    """Whether a sentence is a title line: short, with no full stop (a paragraph of its own)."""
    return len(sentence.strip()) <= 30 and not _TITLE_END.search(sentence)


def match_text(cat: Catalog, text: str, unit: str, kind: str = "level", industry: str | None = None) -> str | None:
    """The indicator a free phrase names (the whole after 占 in a share), or None."""
    text = folded(text)
    ctx = Context(subject=text, lead="", tail="", before=text, sentence=text, unit=unit, kind=kind)
    parsed = parse(cat, ctx)
    if parsed.scope is None and industry and industry in cat.scopes and parsed.measure \
            and "scope" in cat.measures[parsed.measure].takes:
        parsed.scope = industry
    return decide(cat, parsed, kind, unit).indicator


def _names_a_place(cat: Catalog, part: str) -> bool:
    """Whether a member of a list (石家庄、唐山、沧州) is the name of a known region."""
    m = cat._region_pattern.match(part.strip()) if cat._region_pattern is not None else None
    return m is not None and cat._region_names.get(m.group(0)) is not None
