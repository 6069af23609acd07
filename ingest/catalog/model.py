"""The catalog's data: dimensions, indicators, regions, and the helpers that read their files.

Loading is in load.py (dimensions and indicators) and places.py (regions); every problem
is a CatalogError whose one-line message names the file and the entry.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ingest.catalog.wordindex import WordIndex

HERE = Path(__file__).resolve().parent.parent
DIMENSIONS_PATH = HERE / "dimensions.yaml"
INDICATORS_PATH = HERE / "indicators.yaml"
REGIONS_PATH = HERE / "regions.yaml"
NATIONAL_REGIONS_PATH = HERE / "regions_cn.yaml"
# What reviewers added with `zone review propose`: indicators (and any new measures, scopes,
# classes or stages they need), beside indicators.yaml and checked on load like it.
REVIEWED_NAME = "reviewed.yaml"
REVIEWED_PATH = HERE / REVIEWED_NAME
REVIEWED_SECTIONS = frozenset({"measures", "scopes", "classes", "stages", "indicators"})

LEVELS = ("country", "province", "city", "county", "zone")
FORMS = ("share", "pull", "contribution", "added")
FORM_NAMES = {"share": ("占比", "share"), "pull": ("拉动", "contribution to growth (points)"),
              "contribution": ("贡献率", "contribution rate"), "added": ("(新增)", "newly added")}
CURRENCIES = ("元", "美元")
SCOPE_TYPES = ("industry", "sector", "residents")
SLUG = re.compile(r"[a-z][a-z0-9_]*")


class CatalogError(ValueError):
    """The catalog files cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Measure:
    id: str
    name: str
    name_en: str
    unit: str
    units: tuple[str, ...]
    sector: str
    source: str
    words: tuple[str, ...]
    takes: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()
    by_unit: tuple[tuple[str, str], ...] = ()
    blocked_by: tuple[str, ...] = ()
    definition: str = ""
    context_scope: bool = False   # the industry may come from the sentence or paragraph around the figure
    stock: bool = False           # counted at a date (企业数): 新增 N家 is another indicator, the increment

    @property
    def currencies(self) -> bool:
        """Reported in yuan or in dollars: the currency is part of its indicators."""
        return set(CURRENCIES) <= set(self.units)

    @property
    def is_rate(self) -> bool:
        return self.unit == "%"


@dataclass(frozen=True)
class Scope:
    id: str
    name: str
    name_en: str
    type: str
    source: str
    words: tuple[str, ...]
    parent: str | None = None
    code: str | None = None
    default_measure: str | None = None
    broad: bool = False


@dataclass(frozen=True)
class Klass:
    id: str
    name: str
    name_en: str
    source: str
    words: tuple[str, ...]
    applies: frozenset[str]
    measure: str | None = None
    scope: str | None = None
    weak: bool = False


@dataclass(frozen=True)
class Stage:
    id: str
    name: str
    name_en: str
    source: str
    words: tuple[str, ...]
    order: int = 0


@dataclass(frozen=True)
class Key:
    """One combination of dimensions: what an indicator is."""

    measure: str
    scope: str | None = None
    classes: tuple[str, ...] = ()     # sorted
    stages: tuple[str, ...] = ()      # in stage order
    form: str | None = None
    currency: str | None = None

    def label(self) -> str:
        parts = [self.measure, self.scope or "-", "+".join(self.classes) or "-", "+".join(self.stages) or "-",
                 self.form or "-"]
        if self.currency:
            parts.append(self.currency)
        return "/".join(parts)


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    name_en: str
    unit: str
    sector: str
    definition: str
    source: str
    key: Key
    definition_en: str = ""      # composed from the dimensions' English names (no Chinese)


@dataclass(frozen=True)
class Region:
    name: str
    name_en: str
    level: str
    parent: str | None
    aliases: tuple[str, ...] = ()
    context_aliases: tuple[str, ...] = ()
    kind: str | None = None           # etdz | htz | new_area for national zones


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    word: str
    dims: tuple[tuple[str, str], ...]   # ("measure", "output"), ("scope", "industry"); () for a stopword

    def get(self, dim: str) -> str | None:
        for d, v in self.dims:      # a loop, not next() over a generator: read for every token, often
            if d == dim:
                return v
        return None

    def dim(self, dim: str) -> str:
        """The value of a dimension the token carries (where get() has said it does)."""
        value = self.get(dim)
        if value is None:
            raise KeyError(f"{self.word}: no {dim}")
        return value


# How many results a table of Catalog.kept holds (a few megabytes of short texts and what
# was read in them, some hundred articles' worth); then it starts afresh. What is worked out
# from a text longer than KEPT_TEXT is not kept: a long clause read for each of thousands of
# figures (a list of thousands of items) would fill the tables with near copies of itself.
KEPT = 20_000
KEPT_TEXT = 300


@dataclass(frozen=True)
class Catalog:
    indicators: dict[str, Indicator]
    measures: dict[str, Measure]
    scopes: dict[str, Scope]
    classes: dict[str, Klass]
    stages: dict[str, Stage]
    regions: dict[str, Region]
    retired: dict[str, tuple[str | None, str]]
    version: str
    by_key: dict[Key, str] = field(default_factory=dict)
    _vocabulary: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    _word_starts: re.Pattern[str] | None = None   # where a word of the vocabulary may start
    _region_names: dict[str, str] = field(default_factory=dict)   # name or alias -> name
    _region_pattern: WordIndex | None = None     # the region names and context words
    _by_measure: dict[str, list[tuple[Key, str]]] = field(default_factory=dict)
    _word_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)  # first two characters -> lengths
    _near: dict[tuple[Key, int], list[str]] = field(default_factory=dict)   # link._candidates, kept per key
    _kept: dict[str, dict[Any, Any]] = field(default_factory=dict)   # see kept()

    # ------------------------------------------------------------------ regions
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

    # ------------------------------------------------------------------ dimensions
    def tokens(self, text: str) -> list[Token]:
        """The dimension words in a text, longest first at each position, left to right."""
        if not text or self._word_starts is None:
            return []
        # Linking reads the same words again and again (a subject, a clause or a sentence of
        # the paragraph for each of its figures; the same headings in every article): each
        # text is scanned once.
        kept = self.kept("tokens", text)
        seen = kept.get(text)
        if seen is None:
            seen = kept[text] = tuple(self._scan(text))
        return list(seen)

    def _scan(self, text: str) -> list[Token]:
        assert self._word_starts is not None
        # Dictionary look-ups where a word can start, not a regex alternation of every word:
        # the alternation tried each of hundreds of words at such a position (a microsecond
        # per character, most of linking's time on a long list).
        out: list[Token] = []
        end = 0
        vocabulary = self._vocabulary
        for m in self._word_starts.finditer(text):
            at = m.start()
            if at < end:
                continue
            for n in (*self._word_lengths.get(text[at:at + 2], ()), *self._word_lengths.get(text[at], ())):
                dims = vocabulary.get(text[at:at + n])
                if dims is not None:
                    out.append(Token(at, at + n, text[at:at + n], dims))
                    end = at + n
                    break
        return out

    def kept(self, table: str, text: str = "", limit: int | None = None) -> dict[Any, Any]:
        """A table of what linking has worked out from this catalog and a text (the words in it,
        the region a clause names), for the next figure that reads the same text: many figures
        share a sentence and a paragraph. Emptied when it holds ``limit`` (KEPT) results; for a
        text longer than KEPT_TEXT an empty table of its own, not kept."""
        if len(text) > KEPT_TEXT:
            return {}
        found = self._kept.setdefault(table, {})
        if len(found) >= (limit or KEPT):
            found.clear()
        return found

    def keys_of(self, measure: str) -> list[tuple[Key, str]]:
        """The catalog's combinations of one measure, with their ids (indexed on first use)."""
        index = self._by_measure
        if not index:
            for k, ident in self.by_key.items():
                index.setdefault(k.measure, []).append((k, ident))
        return index.get(measure, [])

    def scope_depth(self, scope: str) -> int:
        depth, s = 0, self.scopes.get(scope)
        while s is not None and s.parent and depth < 10:
            depth += 1
            s = self.scopes.get(s.parent)
        return depth

    def scope_within(self, scope: str, outer: str) -> bool:
        """Whether scope is outer or lies inside it."""
        s: str | None = scope
        for _ in range(12):
            if s is None:
                return False
            if s == outer:
                return True
            s = self.scopes[s].parent if s in self.scopes else None
        return False


# ---------------------------------------------------------------------------- helpers

def read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise CatalogError(f"{path}: cannot read ({e.strerror})") from None
    except yaml.YAMLError as e:
        raise CatalogError(f"{path}: not valid YAML ({str(e).splitlines()[0]})") from None


def word_list(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, int, float)):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise CatalogError(f"{where}: expected a list of words")
    return tuple(str(v) for v in value)


def simplified(word: str) -> str:
    from ingest.reader import to_simplified
    return to_simplified(word)


def checked_entry(raw: Any, where: str, required: tuple[str, ...], allowed: set[str], slug: bool = True) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise CatalogError(f"{where}: expected a mapping")
    missing = [k for k in required if k not in raw or raw[k] is None or (raw[k] == "" and k != "unit")]
    if missing:
        raise CatalogError(f"{where}: missing {', '.join(repr(k) for k in missing)}")
    unknown = set(raw) - allowed
    if unknown:
        raise CatalogError(f"{where}: unknown keys {sorted(unknown)}")
    if slug and "id" in raw and not SLUG.fullmatch(str(raw["id"])):
        raise CatalogError(f"{where}: id {raw['id']!r} must be a lower-case slug")
    return raw


def entry_label(path: Path, section: str, i: int, raw: Any) -> str:
    name = raw.get("id") or raw.get("name") if isinstance(raw, dict) else None
    return f"{path}: {section}[{i}]" + (f" ({name})" if name else "")
