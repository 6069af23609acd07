"""Reading and checking dimensions.yaml and indicators.yaml, and the catalog as a whole.

dimensions.yaml names what figures measure (measures), of which part of the economy
(scopes), of which kind of unit (classes) and at which stage (stages); indicators.yaml names
the combinations that are series. Regions are read by places.py. Every problem is a
CatalogError whose one-line message names the file and the entry.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Any

from ingest.catalog.model import (CURRENCIES, DIMENSIONS_PATH, FORM_NAMES, FORMS, INDICATORS_PATH, NATIONAL_REGIONS_PATH,
                                  REGIONS_PATH, SCOPE_TYPES, SLUG, Catalog, CatalogError, Indicator, Key, Klass, Measure,
                                  Scope, Stage, checked_entry, read_yaml, simplified, entry_label, word_list)
from ingest.catalog.places import load_regions

# ---------------------------------------------------------------------------- dimensions

def _load_dimensions(path: Path) -> tuple[dict[str, Measure], dict[str, Scope], dict[str, Klass], dict[str, Stage],
                                          dict[str, tuple[tuple[str, str], ...]]]:
    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise CatalogError(f"{path}: expected a mapping with measures, scopes, classes and stages")
    for section in ("measures", "scopes", "classes", "stages"):
        if not isinstance(raw.get(section), list):
            raise CatalogError(f"{path}: '{section}' must be a list")
    measures: dict[str, Measure] = {}
    scopes: dict[str, Scope] = {}
    classes: dict[str, Klass] = {}
    stages: dict[str, Stage] = {}
    # word -> {(dim, value)}, and where each word was defined, for clash messages
    vocabulary: dict[str, dict[str, str]] = {}
    defined_at: dict[tuple[str, str], str] = {}

    def add_word(word: str, dim: str, value: str, where: str) -> None:
        word = simplified(word.strip())
        if not word:
            raise CatalogError(f"{where}: empty word")
        dims = vocabulary.setdefault(word, {})
        if dim in dims and dims[dim] != value:
            raise CatalogError(f"{where}: word {word!r} already names {dim} {dims[dim]!r} ({defined_at[(word, dim)]})")
        dims[dim] = value
        defined_at[(word, dim)] = where.split(": ", 1)[-1]

    def unique(ident: str, table: dict[str, Any], where: str) -> None:
        if ident in table:
            raise CatalogError(f"{where}: duplicate id {ident!r}")

    base = {"id", "name", "name_en", "words", "source"}
    for i, item in enumerate(raw["measures"]):
        where = entry_label(path, "measures", i, item)
        m = checked_entry(item, where, ("id", "name", "name_en", "unit", "words", "source"),
                   base | {"unit", "units", "sector", "takes", "requires", "by_unit", "blocked_by", "definition",
                          "context_scope", "stock"})
        unique(str(m["id"]), measures, where)
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
        measures[measure.id] = measure
        for w in measure.words:
            add_word(w, "measure", measure.id, where)
    for i, item in enumerate(raw["scopes"]):
        where = entry_label(path, "scopes", i, item)
        s = checked_entry(item, where, ("id", "name", "name_en", "type", "words", "source"),
                   base | {"type", "parent", "code", "default_measure", "broad"})
        unique(str(s["id"]), scopes, where)
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
            add_word(w, "scope", scope.id, where)
    for i, item in enumerate(raw["classes"]):
        where = entry_label(path, "classes", i, item)
        c = checked_entry(item, where, ("id", "name", "name_en", "words", "source", "applies"),
                   base | {"applies", "measure", "scope", "weak"})
        unique(str(c["id"]), classes, where)
        klass = Klass(str(c["id"]), str(c["name"]), str(c["name_en"]), str(c["source"]), word_list(c["words"], f"{where}.words"),
                      frozenset(word_list(c["applies"], f"{where}.applies")), c.get("measure"), c.get("scope"), bool(c.get("weak")))
        classes[klass.id] = klass
        for w in klass.words:
            add_word(w, "class", klass.id, where)
    for i, item in enumerate(raw["stages"]):
        where = entry_label(path, "stages", i, item)
        s = checked_entry(item, where, ("id", "name", "name_en", "words", "source"), base)
        unique(str(s["id"]), stages, where)
        stage = Stage(str(s["id"]), str(s["name"]), str(s["name_en"]), str(s["source"]), word_list(s["words"], f"{where}.words"), i)
        stages[stage.id] = stage
        for w in stage.words:
            add_word(w, "stage", stage.id, where)
    for i, item in enumerate(raw.get("phrases") or []):
        where = entry_label(path, "phrases", i, item)
        p = checked_entry(item, where, ("words",), {"words", "measure", "scope", "class", "stage"})
        for w in word_list(p["words"], f"{where}.words"):
            for dim in ("measure", "scope", "class", "stage"):
                if p.get(dim) is not None:
                    add_word(w, dim, str(p[dim]), where)
    for w in word_list(raw.get("stopwords"), f"{path}: stopwords"):
        vocabulary.setdefault(simplified(w), {})

    # Cross-references, now that every id is known.
    for m in measures.values():
        for unit, other in m.by_unit:
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
    tables = {"measure": measures, "scope": scopes, "class": classes, "stage": stages}
    for word, dims in vocabulary.items():
        for dim, value in dims.items():
            if value not in tables[dim]:
                raise CatalogError(f"{path}: word {word!r} names unknown {dim} {value!r} ({defined_at[(word, dim)]})")
    # A word that ends with a measure's word names that measure too (签约项目 -> 项目, 外资企业
    # -> 企业, 国家高新区 -> 高新区), unless it is a stopword or names a measure itself.
    measure_words = sorted(((w, d["measure"]) for w, d in vocabulary.items() if set(d) == {"measure"}),
                           key=lambda wm: -len(wm[0]))
    for word, dims in vocabulary.items():
        if dims and "measure" not in dims:
            for mw, mid in measure_words:
                if word.endswith(mw) and word != mw:
                    dims["measure"] = mid
                    break
    frozen = {w: tuple(sorted(d.items())) for w, d in vocabulary.items()}
    return measures, scopes, classes, stages, frozen


# ---------------------------------------------------------------------------- indicators

def compose_name(measures: dict[str, Measure], scopes: dict[str, Scope], classes: dict[str, Klass],
                 stages: dict[str, Stage], key: Key, english: bool = False) -> str:
    m = measures[key.measure]
    if english:
        parts = [scopes[key.scope].name_en if key.scope else "", *(classes[c].name_en for c in key.classes),
                 "/".join(stages[s].name_en for s in key.stages), m.name_en]
        name = " ".join(p for p in parts if p)
        if key.form:
            name += f", {FORM_NAMES[key.form][1]}"
        if key.currency:
            name += f" ({'USD' if key.currency == '美元' else 'CNY'})"
        return name[:1].upper() + name[1:]
    parts = [scopes[key.scope].name if key.scope else "", *(classes[c].name for c in key.classes),
             "".join(stages[s].name for s in key.stages), m.name]
    name = "".join(parts)
    if key.form == "added":
        name = "新增" + name
    elif key.form:
        name += FORM_NAMES[key.form][0]
    if key.currency:
        name += f"({'美元' if key.currency == '美元' else '人民币'})"
    return name


def _definition(measures: dict[str, Measure], scopes: dict[str, Scope], classes: dict[str, Klass],
                stages: dict[str, Stage], key: Key) -> str:
    parts = [f"measure {measures[key.measure].name}"]
    if key.scope:
        scope = scopes[key.scope]
        parts.append(f"scope {scope.name}" + (f" (GB/T 4754-2017 {scope.code})" if scope.code else ""))
    parts += [f"class {classes[c].name}" for c in key.classes]
    if key.stages:
        parts.append("stage " + "+".join(stages[s].name for s in key.stages))
    if key.form:
        parts.append(f"form {FORM_NAMES[key.form][0]}")
    if key.currency:
        parts.append(f"in {key.currency}")
    return f"{compose_name(measures, scopes, classes, stages, key)}: " + "; ".join(parts) + "."


def _sector(measures: dict[str, Measure], scopes: dict[str, Scope], key: Key) -> str:
    scope = scopes.get(key.scope) if key.scope else None
    if scope is not None and scope.type == "industry":
        top = scope
        while top.parent and scopes[top.parent].type == "industry":
            top = scopes[top.parent]
        return top.name
    return measures[key.measure].sector


def _unit(measures: dict[str, Measure], key: Key) -> str:
    if key.form in ("share", "contribution"):
        return "%"
    if key.form == "pull":
        return "百分点"
    if key.currency:
        return key.currency
    return measures[key.measure].unit


def _key(raw: dict[str, Any], where: str, measures: dict[str, Measure], scopes: dict[str, Scope],
         classes: dict[str, Klass], stages: dict[str, Stage]) -> Key:
    measure = raw.get("measure")
    if measure not in measures:
        raise CatalogError(f"{where}: unknown measure {measure!r}")
    m = measures[measure]
    scope = raw.get("scope")
    if scope is not None and scope not in scopes:
        raise CatalogError(f"{where}: unknown scope {scope!r}")
    cls = tuple(sorted(word_list(raw.get("class"), f"{where}.class")))
    for c in cls:
        if c not in classes:
            raise CatalogError(f"{where}: unknown class {c!r}")
        if measure not in classes[c].applies:
            raise CatalogError(f"{where}: class {c!r} does not apply to measure {measure!r}")
    stg = word_list(raw.get("stage"), f"{where}.stage")
    for s in stg:
        if s not in stages:
            raise CatalogError(f"{where}: unknown stage {s!r}")
    stg = tuple(sorted(set(stg), key=lambda s: stages[s].order))
    for dim, present in (("scope", scope is not None), ("class", bool(cls)), ("stage", bool(stg))):
        if present and dim not in m.takes:
            raise CatalogError(f"{where}: measure {measure!r} takes no {dim}")
    if m.requires and not ((scope and "scope" in m.requires) or (cls and "class" in m.requires)
                           or (stg and "stage" in m.requires)):
        raise CatalogError(f"{where}: measure {measure!r} needs one of {sorted(m.requires)}")
    form = raw.get("form")
    if form is not None and form not in FORMS:
        raise CatalogError(f"{where}: form must be one of {', '.join(FORMS)}")
    currency = raw.get("currency")
    if currency is not None:
        if currency not in CURRENCIES or not m.currencies:
            raise CatalogError(f"{where}: currency {currency!r} needs a measure reported in 元 and 美元")
        if currency == m.unit:
            currency = None
    return Key(str(measure), scope, cls, stg, form, currency)


def _expand(pattern_values: list[Any], scopes: dict[str, Scope], where: str) -> list[Any]:
    out: list[Any] = []
    for v in pattern_values:
        if isinstance(v, str) and v.startswith("*"):
            kind = v[1:]
            if kind not in SCOPE_TYPES:
                raise CatalogError(f"{where}: {v!r} names no scope type")
            out += [s.id for s in scopes.values() if s.type == kind]
        else:
            out.append(v)
    return out


def _load_indicators(path: Path, measures: dict[str, Measure], scopes: dict[str, Scope], classes: dict[str, Klass],
                     stages: dict[str, Stage]) -> tuple[dict[str, Indicator], dict[Key, str], dict[str, tuple[str | None, str]]]:
    raw = read_yaml(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("indicators"), list):
        raise CatalogError(f"{path}: expected a mapping with an 'indicators' list")
    indicators: dict[str, Indicator] = {}
    by_key: dict[Key, str] = {}

    def add(ident: str, key: Key, where: str, extra: dict[str, Any]) -> None:
        if ident in indicators:
            raise CatalogError(f"{where}: duplicate indicator id {ident!r}")
        if key in by_key:
            raise CatalogError(f"{where}: {ident!r} is the same combination as {by_key[key]!r} ({key.label()})")
        m = measures[key.measure]
        src = [str(extra["source"])] if extra.get("source") else [m.source]
        if key.scope and not extra.get("source"):
            src.append(scopes[key.scope].source)
        src += [classes[c].source for c in key.classes if not extra.get("source")]
        definition = " ".join(str(extra.get("definition") or "").split()) or m.definition or _definition(
            measures, scopes, classes, stages, key)
        indicators[ident] = Indicator(
            id=ident, name=str(extra.get("name") or compose_name(measures, scopes, classes, stages, key)),
            name_en=str(extra.get("name_en") or compose_name(measures, scopes, classes, stages, key, english=True)),
            unit=_unit(measures, key), sector=str(extra.get("sector") or _sector(measures, scopes, key)),
            definition=definition, source="; ".join(dict.fromkeys(src)), key=key)
        by_key[key] = ident

    allowed = {"id", "measure", "scope", "class", "stage", "form", "currency", "name", "name_en", "sector", "definition", "source"}
    for i, item in enumerate(raw["indicators"]):
        where = entry_label(path, "indicators", i, item)
        entry = checked_entry(item, where, ("id", "measure"), allowed)
        add(str(entry["id"]), _key(entry, where, measures, scopes, classes, stages), where, entry)

    dims = ("measure", "scope", "class", "stage", "form", "currency")
    for i, item in enumerate(raw.get("compose") or []):
        where = f"{path}: compose[{i}]"
        entry = checked_entry(item, where, ("measure", "id"), set(dims) | {"id"}, slug=False)
        pattern = str(entry["id"])
        lists = []
        for dim in dims:
            values = entry.get(dim)
            if values is None:
                values = [None]
            elif not isinstance(values, list):
                values = [values]
            lists.append(_expand(values, scopes, where) if dim == "scope" else values)
        for combo in product(*lists):
            spec = {d: v for d, v in zip(dims, combo) if v is not None}
            if "class" in spec:
                spec["class"] = [spec["class"]]
            if "stage" in spec:
                spec["stage"] = [spec["stage"]]
            m = measures.get(spec["measure"])
            if m is None:
                raise CatalogError(f"{where}: unknown measure {spec['measure']!r}")
            # A family skips combinations its measure cannot take (a class that does not apply).
            if any(c not in classes or spec["measure"] not in classes[c].applies for c in spec.get("class", [])):
                if any(c not in classes for c in spec.get("class", [])):
                    raise CatalogError(f"{where}: unknown class {spec['class'][0]!r}")
                continue
            if ("scope" in spec and "scope" not in m.takes) or ("stage" in spec and "stage" not in m.takes):
                continue
            if m.requires and not any(d in spec for d in ("scope", "class", "stage") if d in m.requires):
                continue
            key = _key(spec, where, measures, scopes, classes, stages)
            if key in by_key:
                continue            # named in `indicators`, or by an earlier family: keeps that id
            ident = pattern
            for dim, value in (("scope", key.scope), ("class", "_".join(key.classes)), ("stage", "_".join(key.stages)),
                               ("measure", key.measure), ("form", key.form),
                               ("currency", {"元": "cny", "美元": "usd"}.get(key.currency or ""))):
                ident = ident.replace("{" + dim + "}", value or "")
            ident = re.sub(r"_+", "_", ident).strip("_")
            if not SLUG.fullmatch(ident):
                raise CatalogError(f"{where}: id pattern {pattern!r} gives {ident!r}, not a lower-case slug")
            add(ident, key, f"{where} ({ident})", {})

    retired: dict[str, tuple[str | None, str]] = {}
    for i, item in enumerate(raw.get("retired") or []):
        where = entry_label(path, "retired", i, item)
        entry = checked_entry(item, where, ("id", "why"), {"id", "now", "why"})
        ident, now = str(entry["id"]), entry.get("now")
        if ident in indicators:
            raise CatalogError(f"{where}: {ident!r} is retired but still an indicator")
        if now is not None and now not in indicators:
            raise CatalogError(f"{where}: replacement {now!r} is not an indicator")
        retired[ident] = (now, str(entry["why"]))
    return indicators, by_key, retired


# ---------------------------------------------------------------------------- entry point

def load_catalog(indicators_path: Path | str = INDICATORS_PATH, regions_path: Path | str = REGIONS_PATH,
                 dimensions_path: Path | str = DIMENSIONS_PATH,
                 national_path: Path | str = NATIONAL_REGIONS_PATH) -> Catalog:
    """Read and check the catalog files; raises CatalogError naming the file and the entry."""
    paths = (str(indicators_path), str(regions_path), str(dimensions_path), str(national_path))
    return _load(*paths, stamp=tuple(_stamp(p) for p in paths))


def _stamp(path: str) -> tuple[int, int]:
    """A file's size and change time: an edited file is read again, an unchanged one is not."""
    try:
        st = Path(path).stat()
    except OSError:
        return (-1, -1)
    return (st.st_size, st.st_mtime_ns)


@lru_cache(maxsize=8)
def _load(indicators_path: str, regions_path: str, dimensions_path: str, national_path: str,
          stamp: tuple[tuple[int, int], ...] = ()) -> Catalog:
    ipath, rpath, dpath, npath = Path(indicators_path), Path(regions_path), Path(dimensions_path), Path(national_path)
    measures, scopes, classes, stages, vocabulary = _load_dimensions(dpath)
    indicators, by_key, retired = _load_indicators(ipath, measures, scopes, classes, stages)
    regions, names = load_regions(npath, rpath)
    word_pattern = re.compile("|".join(re.escape(w) for w in sorted(vocabulary, key=len, reverse=True))) if vocabulary else None
    spoken = set(names) | {a for r in regions.values() for a in r.context_aliases}
    region_pattern = re.compile("|".join(re.escape(a) for a in sorted(spoken, key=len, reverse=True)))
    digest = hashlib.sha256()
    for p in (dpath, ipath, npath, rpath):
        digest.update(p.read_bytes() + b"\0")
    return Catalog(indicators, measures, scopes, classes, stages, regions, retired, digest.hexdigest()[:12], by_key,
                   vocabulary, word_pattern, names, region_pattern)


def catalog() -> Catalog:
    """The catalog beside this package."""
    return load_catalog()
