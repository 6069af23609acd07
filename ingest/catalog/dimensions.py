"""Reading and checking dimensions.yaml: what figures measure (measures), of which part of
the economy (scopes), of which kind of unit (classes) and at which stage (stages), and the
words that name them. Every problem is a CatalogError whose one-line message names the
file and the entry.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ingest.catalog.model import (
    SCOPE_TYPES,
    CatalogError,
    Klass,
    Measure,
    Scope,
    Stage,
    checked_entry,
    entry_label,
    read_yaml,
    simplified,
    word_list,
)


class _Vocabulary:
    """Every word of dimensions.yaml and the dimensions it names (word -> {dim: value}), with
    where each was defined, for clash messages."""

    def __init__(self) -> None:
        self.words: dict[str, dict[str, str]] = {}
        self.defined_at: dict[tuple[str, str], str] = {}

    def add(self, word: str, dim: str, value: str, where: str) -> None:
        """word names value of dim; a word may name one value of each dimension."""
        word = simplified(word.strip())
        if not word:
            raise CatalogError(f"{where}: empty word")
        dims = self.words.setdefault(word, {})
        if dim in dims and dims[dim] != value:
            raise CatalogError(f"{where}: word {word!r} already names {dim} {dims[dim]!r} ({self.defined_at[(word, dim)]})")
        dims[dim] = value
        self.defined_at[(word, dim)] = where.split(": ", 1)[-1]


# The keys every entry of every dimension may have.
_BASE_KEYS = {"id", "name", "name_en", "words", "source", "note"}


def _listed(path: Path, section: str, items: Any) -> None:
    if not isinstance(items, list):
        raise CatalogError(f"{path}: '{section}' must be a list")


def _unique(ident: str, table: dict[str, Any], where: str) -> None:
    """No two entries of one dimension share an id."""
    if ident in table:
        raise CatalogError(f"{where}: duplicate id {ident!r}")


def load_dimensions(path: Path, reviewed: tuple[Path, dict[str, Any]] | None = None) -> tuple[
        dict[str, Measure], dict[str, Scope], dict[str, Klass], dict[str, Stage], dict[str, tuple[tuple[str, str], ...]]]:
    """The measures, scopes, classes and stages of dimensions.yaml, extended by those a reviewer
    added (``reviewed``: the reviewed file's path and its content, sections optional), and
    their vocabulary (word -> the dimensions it names)."""
    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise CatalogError(f"{path}: expected a mapping with measures, scopes, classes and stages")
    for section in ("measures", "scopes", "classes", "stages"):
        if not isinstance(raw.get(section), list):
            raise CatalogError(f"{path}: '{section}' must be a list")
    vocabulary = _Vocabulary()
    measures: dict[str, Measure] = {}
    scopes: dict[str, Scope] = {}
    classes: dict[str, Klass] = {}
    stages: dict[str, Stage] = {}
    for source, content in ((path, raw), *([reviewed] if reviewed else [])):
        _load_measures(source, content.get("measures") or [], vocabulary, measures)
        _load_scopes(source, content.get("scopes") or [], vocabulary, scopes)
        _load_classes(source, content.get("classes") or [], vocabulary, classes)
        _load_stages(source, content.get("stages") or [], vocabulary, stages)
    _load_phrases(path, raw.get("phrases") or [], vocabulary)
    for w in word_list(raw.get("stopwords"), f"{path}: stopwords"):
        vocabulary.words.setdefault(simplified(w), {})
    # Cross-references, now that every id is known.
    _check_references(path, measures, scopes, classes)
    _check_words(path, vocabulary, {"measure": measures, "scope": scopes, "class": classes, "stage": stages})
    _extend_measure_words(vocabulary.words)
    frozen = {w: tuple(sorted(d.items())) for w, d in vocabulary.words.items()}
    return measures, scopes, classes, stages, frozen


def _load_measures(path: Path, items: list[Any], vocabulary: _Vocabulary, measures: dict[str, Measure]) -> None:
    """The entries of `measures` into measures; their words go into vocabulary."""
    _listed(path, "measures", items)
    for i, item in enumerate(items):
        where = entry_label(path, "measures", i, item)
        m = checked_entry(item, where, ("id", "name", "name_en", "unit", "words", "source"),
                          _BASE_KEYS | {"unit", "units", "sector", "takes", "requires", "by_unit", "blocked_by",
                                        "definition", "context_scope", "stock"})
        _unique(str(m["id"]), measures, where)
        measure = _measure(m, where)
        measures[measure.id] = measure
        for w in measure.words:
            vocabulary.add(w, "measure", measure.id, where)


def _measure(m: dict[str, Any], where: str) -> Measure:
    """One checked entry of `measures` (its id not yet used)."""
    takes = frozenset(word_list(m.get("takes"), f"{where}.takes"))
    requires = frozenset(word_list(m.get("requires"), f"{where}.requires"))
    if not takes <= {"scope", "class", "stage"} or not requires <= takes:
        raise CatalogError(f"{where}: takes/requires must be among scope, class, stage (requires within takes)")
    by_unit = m.get("by_unit") or {}
    if not isinstance(by_unit, dict):
        raise CatalogError(f"{where}.by_unit: expected a mapping of unit to measure")
    unit = "" if m["unit"] is None else str(m["unit"])
    units = tuple(str(u) for u in (m.get("units") or [unit]))
    if unit not in units:
        units = (unit, *units)
    measure = Measure(str(m["id"]), str(m["name"]), str(m["name_en"]), unit, units, str(m.get("sector") or ""),
                      str(m["source"]), word_list(m["words"], f"{where}.words"), takes, requires,
                      tuple((str(k), str(v)) for k, v in by_unit.items()),
                      word_list(m.get("blocked_by"), f"{where}.blocked_by"), " ".join(str(m.get("definition", "")).split()),
                      bool(m.get("context_scope")), bool(m.get("stock")))
    if not measure.sector:
        raise CatalogError(f"{where}: missing 'sector'")
    return measure


def _load_scopes(path: Path, items: list[Any], vocabulary: _Vocabulary, scopes: dict[str, Scope]) -> None:
    _listed(path, "scopes", items)
    for i, item in enumerate(items):
        where = entry_label(path, "scopes", i, item)
        s = checked_entry(item, where, ("id", "name", "name_en", "type", "words", "source"),
                          _BASE_KEYS | {"type", "parent", "code", "default_measure", "broad"})
        _unique(str(s["id"]), scopes, where)
        if s["type"] not in SCOPE_TYPES:
            raise CatalogError(f"{where}: type must be one of {', '.join(SCOPE_TYPES)}")
        parent = s.get("parent")
        if parent is not None and parent not in scopes:
            raise CatalogError(f"{where}: parent {parent!r} must be a scope listed above it")
        scope = Scope(str(s["id"]), str(s["name"]), str(s["name_en"]), str(s["type"]), str(s["source"]),
                      word_list(s["words"], f"{where}.words"), parent, None if s.get("code") is None else str(s["code"]),
                      s.get("default_measure"), bool(s.get("broad")))
        scopes[scope.id] = scope
        for w in scope.words:
            vocabulary.add(w, "scope", scope.id, where)


def _load_classes(path: Path, items: list[Any], vocabulary: _Vocabulary, classes: dict[str, Klass]) -> None:
    _listed(path, "classes", items)
    for i, item in enumerate(items):
        where = entry_label(path, "classes", i, item)
        c = checked_entry(item, where, ("id", "name", "name_en", "words", "source", "applies"),
                          _BASE_KEYS | {"applies", "measure", "scope", "weak"})
        _unique(str(c["id"]), classes, where)
        klass = Klass(str(c["id"]), str(c["name"]), str(c["name_en"]), str(c["source"]), word_list(c["words"], f"{where}.words"),
                      frozenset(word_list(c["applies"], f"{where}.applies")), c.get("measure"), c.get("scope"), bool(c.get("weak")))
        classes[klass.id] = klass
        for w in klass.words:
            vocabulary.add(w, "class", klass.id, where)


def _load_stages(path: Path, items: list[Any], vocabulary: _Vocabulary, stages: dict[str, Stage]) -> None:
    _listed(path, "stages", items)
    for i, item in enumerate(items):
        where = entry_label(path, "stages", i, item)
        s = checked_entry(item, where, ("id", "name", "name_en", "words", "source"), _BASE_KEYS)
        _unique(str(s["id"]), stages, where)
        stage = Stage(str(s["id"]), str(s["name"]), str(s["name_en"]), str(s["source"]), word_list(s["words"], f"{where}.words"), len(stages))
        stages[stage.id] = stage
        for w in stage.words:
            vocabulary.add(w, "stage", stage.id, where)


def _load_phrases(path: Path, items: list[Any], vocabulary: _Vocabulary) -> None:
    """Words that name several dimensions at once (`phrases`)."""
    for i, item in enumerate(items):
        where = entry_label(path, "phrases", i, item)
        p = checked_entry(item, where, ("words",), {"words", "measure", "scope", "class", "stage"})
        for w in word_list(p["words"], f"{where}.words"):
            for dim in ("measure", "scope", "class", "stage"):
                if p.get(dim) is not None:
                    vocabulary.add(w, dim, str(p[dim]), where)


def _check_references(path: Path, measures: dict[str, Measure], scopes: dict[str, Scope], classes: dict[str, Klass]) -> None:
    """The ids entries name (by_unit, default_measure, applies, measure, scope) are known."""
    for m in measures.values():
        for _unit, other in m.by_unit:
            if other not in measures:
                raise CatalogError(f"{path}: measures ({m.id}): by_unit names unknown measure {other!r}")
    for s in scopes.values():
        if s.default_measure is not None and s.default_measure not in measures:
            raise CatalogError(f"{path}: scopes ({s.id}): unknown default_measure {s.default_measure!r}")
    for c in classes.values():
        bad = sorted(c.applies - set(measures))
        if bad:
            raise CatalogError(f"{path}: classes ({c.id}): applies names unknown measures {bad}")
        if c.measure is not None and c.measure not in measures:
            raise CatalogError(f"{path}: classes ({c.id}): unknown measure {c.measure!r}")
        if c.scope is not None and c.scope not in scopes:
            raise CatalogError(f"{path}: classes ({c.id}): unknown scope {c.scope!r}")


def _check_words(path: Path, vocabulary: _Vocabulary, tables: dict[str, dict[str, Any]]) -> None:
    """Every word names known ids (a phrase may name any)."""
    for word, dims in vocabulary.words.items():
        for dim, value in dims.items():
            if value not in tables[dim]:
                raise CatalogError(f"{path}: word {word!r} names unknown {dim} {value!r} ({vocabulary.defined_at[(word, dim)]})")


def _extend_measure_words(words: dict[str, dict[str, str]]) -> None:
    # A word that ends with a measure's word names that measure too (签约项目 -> 项目, 外资企业
    # -> 企业, 国家高新区 -> 高新区), unless it is a stopword or names a measure itself.
    measure_words = sorted(((w, d["measure"]) for w, d in words.items() if set(d) == {"measure"}),
                           key=lambda wm: -len(wm[0]))
    for word, dims in words.items():
        if dims and "measure" not in dims:
            for mw, mid in measure_words:
                if word.endswith(mw) and word != mw:
                    dims["measure"] = mid
                    break
