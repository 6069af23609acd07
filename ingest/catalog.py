"""The catalog of indicators and regions, and the rules that link figures to them.

indicators.yaml and regions.yaml beside this file are the human-edited source. They are
read once per process (load_catalog), written into the database's indicator and region
tables by apply_catalog, and used by link_figures to give every extracted Figure an
indicator (or None: it then waits in the review queue) and a region.

Linking reads what the extractor left on the figure (subject, unit, kind, sector) and the
words around the number in its sentence: the words right before it (back to the previous
figure or the start of the clause) and right after it (N家企业). An indicator matches when
one of its words stands there, its unit and kind fit, and none of its excluding words is
near. The nearest and most specific match wins.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

import yaml

from ingest.model import KINDS, Article, Figure

HERE = Path(__file__).resolve().parent
INDICATORS_PATH = HERE / "indicators.yaml"
REGIONS_PATH = HERE / "regions.yaml"

LEVELS = ("country", "province", "city", "county", "zone")
# Changes are reported as growth rates or in percentage points whatever the level's unit.
CHANGE_UNITS = ("%", "百分点", "倍")
DEFAULT_KINDS = ("level", "target", "change")

# Ends of a clause: the words before a number are looked for back to one of these.
CLAUSE_END = ",，;；。!！?？:：\n"
# Items of a list: the words after a number are looked for up to one of these.
LIST_END = CLAUSE_END + "、"

# Words at the start of a clause that set the time or link clauses, not the subject;
# they are skipped before looking for a region named at the clause's start.
_LEADING = re.compile(
    r"^(?:(?:其中|同时|另外|此外|同期|全年|今年|去年|上年|当年|年末|年底|年初|目前|当前|现已|已|共|累计|"
    r"截至目前|截止目前|截至|截止|到|在|初步核算|据统计|经核算|"
    r"\d{4}年(?:度|末|底|初|以来)?|\d{1,2}月(?:份|底|末)?(?:\d{1,2}日)?|\d{1,2}[-—–至~]\d{1,2}月(?:份)?|"
    r"前三季度|上半年|下半年|[一二三四]季度|今年以来|以来|底|末)[,，、\s]*)+")
# Words in a clause that say the figure is about the whole region, not one industry.
_WHOLE_REGION = ("全区", "全市", "全省", "全县", "全国", "全部", "全口径", "全社会", "区域内")


class CatalogError(ValueError):
    """The catalog files cannot be used; the message names the file and the reason."""


@dataclass(frozen=True)
class Rule:
    any: tuple[str, ...]
    with_: tuple[tuple[str, ...], ...] = ()
    none: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    kinds: tuple[str, ...] = DEFAULT_KINDS
    industry: str | None = None


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    name_en: str
    unit: str
    sector: str
    definition: str
    rule: Rule

    def accepts(self, unit: str, kind: str) -> bool:
        if kind not in self.rule.kinds:
            return False
        units = self.rule.units or (self.unit,)
        # Growth targets (增长10%以上) are targets in %, whatever the level's unit.
        if unit == "百分点" and self.unit != "%":
            return False  # 增速加快1.3个百分点 changes the growth rate, not this indicator
        return unit in units or (kind in ("change", "target") and unit in CHANGE_UNITS)


@dataclass(frozen=True)
class Industry:
    id: str
    name: str
    name_en: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Region:
    name: str
    name_en: str
    level: str
    parent: str | None
    aliases: tuple[str, ...] = ()
    context_aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalog:
    indicators: dict[str, Indicator]
    industries: dict[str, Industry]
    regions: dict[str, Region]
    version: str                                   # hash of both files: re-link when it changes
    generic: frozenset[str] = frozenset()          # words too general to name an indicator alone
    _region_names: dict[str, str] = field(default_factory=dict)   # name or alias -> name
    _region_pattern: re.Pattern[str] | None = None
    _industry_pattern: re.Pattern[str] | None = None
    _industry_of_word: dict[str, str] = field(default_factory=dict)

    def region_name(self, name: str | None) -> str | None:
        """The canonical name of a region given by name or alias; unknown names pass through."""
        if not name:
            return None
        return self._region_names.get(name.strip(), name.strip())

    def ancestors(self, name: str | None) -> list[Region]:
        """The region and the regions that contain it, innermost first."""
        out: list[Region] = []
        while name and name in self.regions and len(out) < 10:
            out.append(self.regions[name])
            name = self.regions[name].parent
        return out


# ---------------------------------------------------------------------------- loading

def _words(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, int, float)):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise CatalogError(f"{where}: expected a list of words")
    return tuple(str(v) for v in value)


def _rule(raw: Any, where: str, industries: dict[str, Industry]) -> Rule:
    if not isinstance(raw, dict):
        raise CatalogError(f"{where}: 'match' must be a mapping")
    unknown = set(raw) - {"any", "with", "none", "units", "kinds", "industry"}
    if unknown:
        raise CatalogError(f"{where}: unknown match keys {sorted(unknown)}")
    words = _words(raw.get("any"), f"{where}.any")
    if not words:
        raise CatalogError(f"{where}: 'any' needs at least one word")
    groups = raw.get("with") or []
    if not isinstance(groups, list):
        raise CatalogError(f"{where}.with: expected a list of word lists")
    kinds = _words(raw.get("kinds"), f"{where}.kinds") or DEFAULT_KINDS
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        raise CatalogError(f"{where}.kinds: unknown kinds {bad}")
    industry = raw.get("industry")
    if industry is not None and industry not in industries:
        raise CatalogError(f"{where}.industry: unknown industry {industry!r}")
    return Rule(any=words, with_=tuple(_words(g, f"{where}.with") for g in groups),
                none=_words(raw.get("none"), f"{where}.none"),
                units=tuple("" if u is None else str(u) for u in (raw.get("units") or [])),
                kinds=kinds, industry=industry)


def _indicator(raw: Any, where: str, industries: dict[str, Industry], industry: Industry | None = None) -> Indicator:
    if not isinstance(raw, dict):
        raise CatalogError(f"{where}: expected a mapping")
    for key in ("id", "name", "name_en", "unit", "match"):
        if key not in raw:
            raise CatalogError(f"{where}: missing {key!r}")
    rule = _rule(raw["match"], f"{where}.match", industries)
    fmt = (lambda s: str(s).format(industry=industry.name)) if industry else str
    fmt_en = (lambda s: str(s).format(industry=industry.name_en)) if industry else str
    ident = f"{industry.id}_{raw['id']}" if industry else str(raw["id"])
    if not re.fullmatch(r"[a-z][a-z0-9_]*", ident):
        raise CatalogError(f"{where}: id {ident!r} must be a lower-case slug")
    if industry:
        rule = replace(rule, industry=industry.id)
    return Indicator(id=ident, name=fmt(raw["name"]), name_en=fmt_en(raw["name_en"]),
                     unit="" if raw["unit"] is None else str(raw["unit"]),
                     sector=str(raw.get("sector") or (industry.name if industry else "")),
                     definition=" ".join(str(raw.get("definition", "")).split()), rule=rule)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise CatalogError(f"{path}: cannot read ({e.strerror})") from None
    except yaml.YAMLError as e:
        raise CatalogError(f"{path}: not valid YAML ({str(e).splitlines()[0]})") from None


def load_catalog(indicators_path: Path | str = INDICATORS_PATH, regions_path: Path | str = REGIONS_PATH) -> Catalog:
    """Read and check both catalog files; raises CatalogError naming the file and the reason."""
    return _load(str(indicators_path), str(regions_path))


@lru_cache(maxsize=8)
def _load(indicators_path: str, regions_path: str) -> Catalog:
    ipath, rpath = Path(indicators_path), Path(regions_path)
    raw = _read_yaml(ipath)
    if not isinstance(raw, dict) or not isinstance(raw.get("indicators"), list):
        raise CatalogError(f"{ipath}: expected a mapping with an 'indicators' list")
    industries: dict[str, Industry] = {}
    for i, item in enumerate(raw.get("industries") or []):
        if not isinstance(item, dict) or not {"id", "name", "name_en", "words"} <= set(item):
            raise CatalogError(f"{ipath}: industries[{i}] needs id, name, name_en, words")
        industries[str(item["id"])] = Industry(str(item["id"]), str(item["name"]), str(item["name_en"]),
                                               _words(item["words"], f"{ipath}: industries[{i}].words"))
    indicators: dict[str, Indicator] = {}

    def add(ind: Indicator, where: str) -> None:
        if ind.id in indicators:
            raise CatalogError(f"{where}: duplicate indicator id {ind.id!r}")
        indicators[ind.id] = ind

    for i, item in enumerate(raw["indicators"]):
        where = f"{ipath}: indicators[{i}]" + (f" ({item.get('id')})" if isinstance(item, dict) else "")
        ind = _indicator(item, where, industries)
        if not ind.sector:
            raise CatalogError(f"{where}: missing 'sector'")
        add(ind, where)
    for i, item in enumerate(raw.get("templates") or []):
        for industry in industries.values():
            where = f"{ipath}: templates[{i}]"
            add(_indicator(item, where, industries, industry), where)

    rraw = _read_yaml(rpath)
    if not isinstance(rraw, list):
        raise CatalogError(f"{rpath}: expected a list of regions")
    regions: dict[str, Region] = {}
    for i, item in enumerate(rraw):
        where = f"{rpath}: [{i}]"
        if not isinstance(item, dict) or not {"name", "level"} <= set(item):
            raise CatalogError(f"{where}: each region needs name and level")
        if item["level"] not in LEVELS:
            raise CatalogError(f"{where}: level must be one of {', '.join(LEVELS)}")
        parent = item.get("parent")
        if parent is not None and parent not in regions:
            raise CatalogError(f"{where}: parent {parent!r} must be listed above {item['name']!r}")
        region = Region(str(item["name"]), str(item.get("name_en") or ""), str(item["level"]), parent,
                        _words(item.get("aliases"), f"{where}.aliases"),
                        _words(item.get("context_aliases"), f"{where}.context_aliases"))
        if region.name in regions:
            raise CatalogError(f"{where}: duplicate region {region.name!r}")
        regions[region.name] = region

    names: dict[str, str] = {}
    for region in regions.values():
        for alias in (region.name, *region.aliases):
            if names.get(alias, region.name) != region.name:
                raise CatalogError(f"{rpath}: alias {alias!r} names both {names[alias]!r} and {region.name!r}")
            names[alias] = region.name
    spoken = set(names) | {a for r in regions.values() for a in r.context_aliases}
    region_pattern = re.compile("|".join(re.escape(a) for a in sorted(spoken, key=len, reverse=True)))
    industry_of_word = {w: ind.id for ind in industries.values() for w in ind.words}
    industry_pattern = re.compile("|".join(re.escape(w) for w in sorted(industry_of_word, key=len, reverse=True))) \
        if industry_of_word else None
    version = hashlib.sha256(ipath.read_bytes() + b"\0" + rpath.read_bytes()).hexdigest()[:12]
    generic = frozenset(_words(raw.get("generic_words"), f"{ipath}: generic_words"))
    return Catalog(indicators, industries, regions, version, generic, names, region_pattern, industry_pattern,
                   industry_of_word)


def catalog() -> Catalog:
    """The catalog beside this module."""
    return load_catalog()


# ---------------------------------------------------------------------------- database

def apply_catalog(conn: sqlite3.Connection, cat: Catalog | None = None) -> bool:
    """Write the catalog's regions and indicators into the database, idempotently.

    Rows are upserted by name/id, never deleted: figures and reviews may point at an
    indicator a later catalog drops. Returns False when the database already holds this
    catalog version, so callers may run it before every article at no cost.
    """
    cat = cat or catalog()
    row = conn.execute("SELECT version FROM catalog_state WHERE id = 1").fetchone()
    if row and row[0] == cat.version:
        return False
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        for region in cat.regions.values():
            conn.execute(
                "INSERT INTO region (name, name_en, level, aliases) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET name_en = excluded.name_en, level = excluded.level, "
                "aliases = excluded.aliases",
                (region.name, region.name_en, region.level, json.dumps(list(region.aliases), ensure_ascii=False)))
        for region in cat.regions.values():
            conn.execute("UPDATE region SET parent_id = (SELECT id FROM region WHERE name = ?) WHERE name = ?",
                         (region.parent, region.name))
        conn.executemany(
            "INSERT INTO indicator (id, name, name_en, unit, sector, definition) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, unit = excluded.unit, "
            "sector = excluded.sector, definition = excluded.definition",
            [(i.id, i.name, i.name_en, i.unit, i.sector, i.definition) for i in cat.indicators.values()])
        conn.execute("INSERT INTO catalog_state (id, version) VALUES (1, ?) "
                     "ON CONFLICT (id) DO UPDATE SET version = excluded.version", (cat.version,))
    except BaseException:
        if own:
            conn.execute("ROLLBACK")
        raise
    if own:
        conn.execute("COMMIT")
    return True


# ---------------------------------------------------------------------------- context

@dataclass(frozen=True)
class Context:
    """What linking reads about one figure."""

    subject: str
    lead: str          # the words right before the number, back to the previous figure or clause start
    tail: str          # the words right after it, up to the next list item or figure
    before: str        # the sentence up to the number
    sentence: str
    unit: str
    kind: str
    industry: str | None


@dataclass(frozen=True)
class Match:
    indicator: str
    score: float


def _figure_positions(sentence: str, figures: Sequence[Figure]) -> list[int]:
    """Where each figure's text stands in its sentence (the sentence may be folded text)."""
    out: list[int] = []
    taken: set[int] = set()
    for f in figures:
        guess = max(0, f.start - f.sentence_start)
        hits = [m.start() for m in re.finditer(re.escape(f.text), sentence)] if f.text else []
        hits = [h for h in hits if h not in taken] or hits
        pos = min(hits, key=lambda h: abs(h - guess)) if hits else min(guess, len(sentence))
        taken.add(pos)
        out.append(pos)
    return out


def _lead_tail(sentence: str, pos: int, length: int, spans: list[tuple[int, int]]) -> tuple[str, str, str]:
    """(lead, tail, clause): the words before the number back to the previous figure or the
    clause start, the words after it, and the clause up to the number."""
    start = max([sentence.rfind(c, 0, pos) for c in CLAUSE_END] + [-1]) + 1
    clause = sentence[start:pos]
    for s, e in spans:
        if e <= pos and e > start:
            start = e
    lead = sentence[start:pos]
    end = pos + length
    stop = min([i for i in (sentence.find(c, end) for c in LIST_END) if i >= 0] + [len(sentence)])
    # Skip a figure that follows at once (新建3个12000平方米口袋公园), stop at a later one.
    cursor = end
    for s, e in sorted(spans):
        if s < cursor or s >= stop:
            continue
        if sentence[cursor:s].strip():
            stop = s
            break
        cursor = e
    tail = sentence[end:stop]
    return lead, tail, clause


def _industry(cat: Catalog, text: str, last: bool = True) -> str | None:
    if not cat._industry_pattern or not text:
        return None
    hits = list(cat._industry_pattern.finditer(text))
    if not hits:
        return None
    return cat._industry_of_word[(hits[-1] if last else hits[0]).group(0)]


def figure_industry(cat: Catalog, subject: str, lead: str, tail: str, before: str, sector: str,
                    paragraph_before: str = "", section: str = "") -> str | None:
    """The industry a figure is about: named in its subject or clause, else in its sector,
    the sentence or paragraph before it, or the section heading. None when the clause speaks
    of the whole region (全区, 全部)."""
    found = _industry(cat, subject) or _industry(cat, lead) or _industry(cat, tail, last=False)
    if found:
        return found
    # In a share (占全部…的20%) the whole region is the denominator, not the subject.
    if any(w in lead.split("占")[0] or w in subject.split("占")[0] for w in _WHOLE_REGION):
        return None
    # Look back only within the sentence's current clause group: a list joined by ；
    # switches topic (…申报信息技术项目；东盛等7家企业…).
    before = re.split(r"[;；。!?！？]", before)[-1]
    return (_industry(cat, before) or _industry(cat, paragraph_before) or _industry(cat, sector)
            or _industry(cat, section or ""))


def _coverage(text: str, words: Iterable[str]) -> tuple[int, int, int]:
    """(characters of text covered by the words, first covered position, last covered end)."""
    covered: set[int] = set()
    for w in words:
        if not w:
            continue
        # str.find rather than re.finditer: this runs for every indicator of every figure.
        i = text.find(w)
        while i >= 0:
            covered.update(range(i, i + len(w)))
            i = text.find(w, i + len(w))
    if not covered:
        return 0, -1, -1
    return len(covered), min(covered), max(covered) + 1


def _score(ctx: Context, words: list[str], none: tuple[str, ...]) -> float:
    """How strongly the words name the figure's measure; 0 when they do not appear.

    Tiers, strongest first: a noun right after the classifier (128名高层次人才), the words
    right before the number, the extractor's subject, words further after the number, and
    last the rest of the sentence before it (累计完成1892件 after 办件量). Within a tier
    more covered characters (more specific words) and nearness win.
    """
    if not words:
        return 0.0
    best = 0.0
    n, first, _ = _coverage(ctx.tail, words)
    if n:
        best = 650 + 10 * n - 5 * first if first <= 6 else 500 + 10 * n - min(first, 40)
    n, _, last = _coverage(ctx.lead, words)
    if n:
        best = max(best, 600 + 10 * n - min(len(ctx.lead) - last, 40))
    n, _, _ = _coverage(ctx.subject, words)
    if n:
        best = max(best, 550 + 10 * n)
    if not best:
        n, _, last = _coverage(ctx.before, words)
        if n and not any(w in ctx.before[last:] for w in none):
            best = 350 + 10 * n - min(len(ctx.before) - last, 40)
    return best


def candidates(cat: Catalog, ctx: Context) -> list[Match]:
    """Every indicator whose rule fits the figure, best first."""
    out: list[Match] = []
    near = f"{ctx.subject}\n{ctx.lead}\n{ctx.tail}"
    wide = f"{ctx.subject}\n{ctx.sentence}"
    for ind in cat.indicators.values():
        rule = ind.rule
        if not ind.accepts(ctx.unit, ctx.kind):
            continue
        if rule.industry is not None and rule.industry != ctx.industry:
            continue
        if any(w in near for w in rule.none):
            continue
        if not all(any(w in wide for w in group) for group in rule.with_):
            continue
        best = _score(ctx, [w for w in rule.any if w not in cat.generic], rule.none)
        if not best:
            # Only generic words (企业, 公司) name it: the weakest link, kept for figures
            # that nothing more specific claims.
            best = _score(ctx, [w for w in rule.any if w in cat.generic], rule.none) - 300
        if best <= 0:
            continue
        best += 5 * len(rule.with_) + (5 if rule.industry else 0)
        out.append(Match(ind.id, best))
    out.sort(key=lambda m: -m.score)
    return out


# Words before a change that only say it is a change: the changed quantity is the level
# named earlier in the sentence (实现产值32亿元，同比增长12%).
_CHANGE_WORDS = re.compile(r"^[\s,，]*(?:其中|分别|同比|比上年|比去年|较上年|较去年|比上年末|比年初|比\d{4}年|较\d{4}年|"
                           r"增长|增加|提高|下降|减少|降低|回落|上升|增速|增幅|达到?|为|了|同期|末|底|初|年|\d|,|，)*$")


def figure_contexts(figures: Sequence[Figure], paragraphs: dict[int, str],
                    cat: Catalog | None = None) -> list[tuple[Context, str, str]]:
    """Each figure's Context, clause (up to the number) and the paragraph's text before its
    sentence, in the given order.

    ``paragraphs`` maps paragraph numbers to their text, for the industry a paragraph is
    about; it may be empty (the review screen rebuilds contexts from database rows).
    """
    cat = cat or catalog()
    out: list[tuple[Context, str, str] | None] = [None] * len(figures)
    groups: dict[tuple[int, int, str], list[int]] = {}
    for i, f in enumerate(figures):
        groups.setdefault((f.paragraph, f.sentence_start, f.sentence), []).append(i)
    for (paragraph, _, sentence), members in groups.items():
        members.sort(key=lambda i: figures[i].start)
        positions = _figure_positions(sentence, [figures[i] for i in members])
        spans = [(p, p + len(figures[i].text)) for p, i in zip(positions, members)]
        ptext = paragraphs.get(paragraph, "")
        at = ptext.find(sentence[:20]) if sentence else -1
        paragraph_before = ptext[:at] if at > 0 else ""
        for i, pos in zip(members, positions):
            f = figures[i]
            lead, tail, clause = _lead_tail(sentence, pos, len(f.text), spans)
            before = sentence[:pos]
            industry = figure_industry(cat, f.subject, lead, tail, before, f.sector, paragraph_before, f.section or "")
            out[i] = (Context(f.subject, lead, tail, before, sentence, f.unit, f.kind, industry), clause, paragraph_before)
    return [c for c in out if c is not None]


def link_figures(article: Article, figures: list[Figure], cat: Catalog | None = None) -> list[Figure]:
    """Set each figure's indicator (a catalog id, or None) and region; returns the figures.

    Also sets article.region, when the source gave none, to the region the article is about.
    """
    cat = cat or catalog()
    article.region = cat.region_name(article.region) or detect_region(article, cat)
    contexts = figure_contexts(figures, {p.index: p.text for p in article.paragraphs}, cat)
    paragraph_before = [c[2] for c in contexts]
    previous_level: dict[tuple[int, int], Figure] = {}
    for i in sorted(range(len(figures)), key=lambda i: (figures[i].paragraph, figures[i].start)):
        f, (ctx, clause, _) = figures[i], contexts[i]
        found = candidates(cat, ctx)
        f.indicator = found[0].indicator if found else None
        key = (f.paragraph, f.sentence_start)
        level = previous_level.get(key)
        if f.indicator is None and f.kind == "change" and level is not None and level.indicator \
                and _CHANGE_WORDS.match(ctx.lead):
            # 实现产值32亿元，同比增长12%: the change is of the level just named.
            level_unit = cat.indicators[level.indicator].unit
            if f.unit in ("%", "倍") or f.unit == level_unit or (f.unit == "百分点" and level_unit == "%"):
                f.indicator = level.indicator
        f.link_rival, f.link_margin = link_confidence(cat, ctx, found, f.indicator)
        f.region = figure_region(cat, article.region, clause, ctx.before, paragraph_before[i])
        if f.kind in ("level", "share"):
            previous_level[key] = f
    return figures


def link_confidence(cat: Catalog, ctx: Context, found: list[Match],
                    indicator: str | None) -> tuple[str | None, float | None]:
    """(rival, margin) of a link: the best other indicator within the link's scope and the
    link's score minus the rival's; (None, None) when nothing else fits or nothing is linked.

    Scored once here, where the whole article is at hand, and stored with the figure: the
    review queue reads it instead of scoring every linked figure again. The scope is the
    linked indicator's industry (or zone-wide): an industry figure that also fits the
    zone-wide indicator is the rule, not a doubt. A link by the change-of-level rule has no
    score of its own, so any rival makes it uncertain (a negative margin).
    """
    linked = cat.indicators.get(indicator) if indicator else None
    if linked is None:
        return None, None
    scope = linked.rule.industry
    # candidates() keeps zone-wide indicators and those of ctx.industry, and an indicator's
    # score does not depend on the industry: the list in hand serves unless the link came
    # from another industry (a change taking its level's indicator).
    if scope is not None and scope != ctx.industry:
        found = candidates(cat, replace(ctx, industry=scope))
    scored = [m for m in found if cat.indicators[m.indicator].rule.industry == scope]
    rival = next((m for m in scored if m.indicator != indicator), None)
    if rival is None:
        return None, None
    mine = next((m.score for m in scored if m.indicator == indicator), 0.0)
    return rival.indicator, float(mine - rival.score)


# ---------------------------------------------------------------------------- regions

def _region_words(cat: Catalog, text: str) -> Iterable[str]:
    if cat._region_pattern is None:
        return []
    return (m.group(0) for m in cat._region_pattern.finditer(text))


def detect_region(article: Article, cat: Catalog | None = None) -> str | None:
    """The known region the article mentions most (its title counts three times);
    ties go to the smaller region (a zone before its city)."""
    cat = cat or catalog()
    counts: dict[str, int] = {}
    body = "\n".join(p.text for p in article.paragraphs) or article.source
    for text, weight in ((article.title or "", 3), (body, 1)):
        for word in _region_words(cat, text):
            name = cat._region_names.get(word)
            if name:
                counts[name] = counts.get(name, 0) + weight
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], LEVELS.index(cat.regions[n].level)))


def _resolve(cat: Catalog, word: str, article_region: str | None) -> str | None:
    name = cat._region_names.get(word)
    if name:
        return name
    for region in cat.ancestors(article_region):
        if word in region.context_aliases:
            return region.name
    return None


# A region name right before these words is part of a title, not a place:
# 河北省高新技术企业, 沧州市著名商标, 省级技术创新中心.
_TITLE_AFTER_REGION = re.compile(r"^(?:级|高新技术企业|专精特新|科技型|著名商标|名牌|单项冠军|\d*强|百强|"
                                 r"技术创新中心|工业设计中心|重点实验室|工程技术研究中心|企业技术中心|示范|"
                                 r"被动式|智能标杆|小微企业|日报|统计局)")


# After a city or province: "9个省级以上开发区" turns it into all of its zones together.
_ZONES_OF = re.compile(r"^(?:(?:\d+|[一二三四五六七八九十百]+)[个家])?(?:国家级和省级|省级及以上|省级以上|国家级|省级)?"
                       r"(?:各类|各|所有)?(?:经济)?开发区")


def _stated_region(cat: Catalog, text: str, article_region: str | None) -> str | None:
    """The region named at the start of a clause or sentence (after time words), if any."""
    if cat._region_pattern is None:
        return None
    stripped = _LEADING.sub("", text.lstrip(" ,，、"))
    m = cat._region_pattern.match(stripped)
    if not m or _TITLE_AFTER_REGION.match(stripped[m.end():]):
        return None
    found = _resolve(cat, m.group(0), article_region)
    if found and article_region in cat.regions and cat.regions[article_region].level == "zone" \
            and found != article_region and m.group(0) != found and cat._region_names.get(m.group(0)) == found \
            and cat.regions[found].level == "city" \
            and any(r.name == found for r in cat.ancestors(article_region)) \
            and not _ZONES_OF.match(stripped[m.end():]):
        # 沧州坚持…，引进项目56个 in an article about 沧州经济开发区: the city's short name as the
        # zone's byname, not 全市 or 沧州市 speaking of the whole city
        return article_region
    if found and cat.regions.get(found) and cat.regions[found].level in ("city", "province") \
            and _ZONES_OF.match(stripped[m.end():]) and f"{found}开发区" in cat.regions:
        return f"{found}开发区"
    return found


def figure_region(cat: Catalog, article_region: str | None, clause: str, before: str,
                  paragraph_before: str = "") -> str | None:
    """The region a figure belongs to: the one named at the start of its clause (全市…,
    河北省…), else of an earlier clause of its sentence, else of an earlier sentence of its
    paragraph (the topic carries over: 全市9个开发区…。共实现营业收入…), else the article's
    region. The city's bare short name in an article about one of its zones (沧州坚持…) names
    the zone, not the city (see _stated_region)."""
    texts = [clause] + list(reversed(re.split(r"[,，;；:：]", before)[:-1]))
    texts += list(reversed([t for t in re.split(r"[。!?！？；;]", paragraph_before) if t.strip()]))
    for text in texts:
        found = _stated_region(cat, text, article_region)
        if found:
            return found
    return article_region


def match_text(cat: Catalog, text: str, unit: str, kind: str = "level", industry: str | None = None) -> str | None:
    """The indicator a free phrase names (the whole after 占 in a share), or None."""
    ctx = Context(subject=text, lead="", tail="", before=text, sentence=text, unit=unit, kind=kind, industry=industry)
    found = candidates(cat, ctx)
    return found[0].indicator if found else None


def region_of_text(cat: Catalog, text: str, article_region: str | None) -> str | None:
    """The region a phrase names anywhere in it (占全市…), or None."""
    for word in _region_words(cat, text):
        found = _resolve(cat, word, article_region)
        if found:
            return found
    return None
