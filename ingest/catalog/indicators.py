"""Reading and checking indicators.yaml: the combinations of dimensions that are series,
named one by one (`indicators`) or composed in families (`compose`), and the ids retired.
Every problem is a CatalogError whose one-line message names the file and the entry.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from typing import Any

from ingest.catalog.model import (
    CURRENCIES,
    FORM_NAMES,
    FORMS,
    SCOPE_TYPES,
    SLUG,
    CatalogError,
    Indicator,
    Key,
    Klass,
    Measure,
    Scope,
    Stage,
    checked_entry,
    entry_label,
    read_yaml,
    word_list,
)


def _joined(left: str, right: str) -> str:
    """Two parts of a Chinese name joined without saying a word twice: 高新技术企业 + 企业数 ->
    高新技术企业数, not 高新技术企业企业数."""
    for n in range(min(len(left), len(right), 4), 1, -1):
        if left.endswith(right[:n]):
            return left + right[n:]
    return left + right


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
    name = ""
    for part in parts:
        name = _joined(name, part)
    if key.form == "added":
        name = "新增" + name
    elif key.form:
        name += FORM_NAMES[key.form][0]
    if key.currency:
        name += f"({'美元' if key.currency == '美元' else '人民币'})"
    return name


def _definition(measures: dict[str, Measure], scopes: dict[str, Scope], classes: dict[str, Klass],
                stages: dict[str, Stage], key: Key, english: bool = False, name: str | None = None) -> str:
    """What the indicator counts, from its dimensions: in Chinese names, or (english) in their
    English names, what an English brief shows (a definition written in the catalog in Chinese
    has no translation to take)."""
    def named(d: Measure | Scope | Klass | Stage) -> str:
        return d.name_en if english else d.name

    parts = [f"measure {named(measures[key.measure])}"]
    if key.scope:
        scope = scopes[key.scope]
        parts.append(f"scope {named(scope)}" + (f" (GB/T 4754-2017 {scope.code})" if scope.code else ""))
    parts += [f"class {named(classes[c])}" for c in key.classes]
    if key.stages:
        parts.append("stage " + "+".join(named(stages[s]) for s in key.stages))
    if key.form:
        parts.append(f"form {FORM_NAMES[key.form][1 if english else 0]}")
    if key.currency:
        parts.append(("in US dollars" if key.currency == "美元" else "in yuan") if english else f"in {key.currency}")
    return f"{name or compose_name(measures, scopes, classes, stages, key)}: " + "; ".join(parts) + "."


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


def check_key(raw: dict[str, Any], where: str, measures: dict[str, Measure], scopes: dict[str, Scope],
         classes: dict[str, Klass], stages: dict[str, Stage]) -> Key:
    """The combination an entry names (measure, scope, class, stage, form, currency), checked
    against the dimensions: what the measure takes and requires, which classes apply."""
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


@dataclass
class _IndicatorTable:
    """The indicators read so far, by id and by combination, and the dimensions they combine."""

    measures: dict[str, Measure]
    scopes: dict[str, Scope]
    classes: dict[str, Klass]
    stages: dict[str, Stage]
    indicators: dict[str, Indicator] = field(default_factory=dict)
    by_key: dict[Key, str] = field(default_factory=dict)

    def key(self, raw: dict[str, Any], where: str) -> Key:
        """The combination an entry (or a family's spec) names, checked."""
        return check_key(raw, where, self.measures, self.scopes, self.classes, self.stages)

    def add(self, ident: str, key: Key, where: str, extra: dict[str, Any]) -> None:
        """One indicator; what extra (its entry) does not say is composed from its dimensions."""
        measures, scopes, classes, stages = self.measures, self.scopes, self.classes, self.stages
        if ident in self.indicators:
            raise CatalogError(f"{where}: duplicate indicator id {ident!r}")
        if key in self.by_key:
            raise CatalogError(f"{where}: {ident!r} is the same combination as {self.by_key[key]!r} ({key.label()})")
        m = measures[key.measure]
        src = [str(extra["source"])] if extra.get("source") else [m.source]
        if key.scope and not extra.get("source"):
            src.append(scopes[key.scope].source)
        src += [classes[c].source for c in key.classes if not extra.get("source")]
        definition = " ".join(str(extra.get("definition") or "").split()) or m.definition or _definition(
            measures, scopes, classes, stages, key)
        name_en = _capitalised(str(extra.get("name_en") or compose_name(measures, scopes, classes, stages, key,
                                                                        english=True)))
        self.indicators[ident] = Indicator(
            id=ident, name=str(extra.get("name") or compose_name(measures, scopes, classes, stages, key)),
            name_en=name_en,
            unit=_unit(measures, key), sector=str(extra.get("sector") or _sector(measures, scopes, key)),
            definition=definition, source="; ".join(dict.fromkeys(src)), key=key,
            definition_en=_definition(measures, scopes, classes, stages, key, english=True, name=name_en))
        self.by_key[key] = ident


def _capitalised(name: str) -> str:
    """An English name as a heading or a table row starts it: with a capital (after an opening
    quote: "Four above" units)."""
    lead = len(name) - len(name.lstrip('"“'))
    return name[:lead] + name[lead:lead + 1].upper() + name[lead + 1:]


_INDICATOR_KEYS = {"id", "measure", "scope", "class", "stage", "form", "currency", "name", "name_en", "sector", "definition",
                   "source"}
# What a reviewer's entry adds: why (note), the figure that prompted it (its key) and when.
_REVIEWED_KEYS = {"note", "figure", "proposed"}
# The dimensions a family of `compose` lists values of, in the order of its combinations.
_COMPOSE_DIMS = ("measure", "scope", "class", "stage", "form", "currency")


def load_indicators(path: Path, measures: dict[str, Measure], scopes: dict[str, Scope], classes: dict[str, Klass],
                    stages: dict[str, Stage], reviewed: tuple[Path, dict[str, Any]] | None = None
                    ) -> tuple[dict[str, Indicator], dict[Key, str], dict[str, tuple[str | None, str]]]:
    """The indicators of indicators.yaml, then those reviewers added (``reviewed``: the file and
    its content; each entry must state its source), the id of each combination, and the
    retired ids (id -> (replacement or None, why)). Reviewed entries come before the families
    of `compose`, so a family added later keeps a reviewer's id for its combination."""
    raw = read_yaml(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("indicators"), list):
        raise CatalogError(f"{path}: expected a mapping with an 'indicators' list")
    table = _IndicatorTable(measures, scopes, classes, stages)
    for i, item in enumerate(raw["indicators"]):
        where = entry_label(path, "indicators", i, item)
        entry = checked_entry(item, where, ("id", "measure"), _INDICATOR_KEYS)
        table.add(str(entry["id"]), table.key(entry, where), where, entry)
    if reviewed is not None:
        rpath, content = reviewed
        items = content.get("indicators") or []
        if not isinstance(items, list):
            raise CatalogError(f"{rpath}: 'indicators' must be a list")
        for i, item in enumerate(items):
            where = entry_label(rpath, "indicators", i, item)
            entry = checked_entry(item, where, ("id", "measure", "source"), _INDICATOR_KEYS | _REVIEWED_KEYS)
            table.add(str(entry["id"]), table.key(entry, where), where, entry)
    for i, item in enumerate(raw.get("compose") or []):
        _compose(table, item, f"{path}: compose[{i}]")
    retired = _load_retired(path, raw.get("retired") or [], table.indicators)
    return table.indicators, table.by_key, retired


def _compose(table: _IndicatorTable, item: Any, where: str) -> None:
    """One family of `compose`: every combination of its values its measure can take, under
    an id made from its pattern ({scope}_{measure} …)."""
    entry = checked_entry(item, where, ("measure", "id"), set(_COMPOSE_DIMS) | {"id"}, slug=False)
    pattern = str(entry["id"])
    lists: list[list[Any]] = []
    for dim in _COMPOSE_DIMS:
        values = entry.get(dim)
        if values is None:
            values = [None]
        elif not isinstance(values, list):
            values = [values]
        lists.append(_expand(values, table.scopes, where) if dim == "scope" else values)
    for combo in product(*lists):
        key = _composed_key(table, {d: v for d, v in zip(_COMPOSE_DIMS, combo) if v is not None}, where)
        if key is None or key in table.by_key:
            continue            # named in `indicators`, or by an earlier family: keeps that id
        ident = _composed_id(pattern, key, where)
        table.add(ident, key, f"{where} ({ident})", {})


def _composed_key(table: _IndicatorTable, spec: dict[str, Any], where: str) -> Key | None:
    """The combination of one family's values, or None when its measure cannot take it."""
    if "class" in spec:
        spec["class"] = [spec["class"]]
    if "stage" in spec:
        # A list is stages reported together (签约及在谈: [signed, negotiating]).
        spec["stage"] = spec["stage"] if isinstance(spec["stage"], list) else [spec["stage"]]
    m = table.measures.get(spec["measure"])
    if m is None:
        raise CatalogError(f"{where}: unknown measure {spec['measure']!r}")
    classes = table.classes
    # A family skips combinations its measure cannot take (a class that does not apply).
    if any(c not in classes or spec["measure"] not in classes[c].applies for c in spec.get("class", [])):
        if any(c not in classes for c in spec.get("class", [])):
            raise CatalogError(f"{where}: unknown class {spec['class'][0]!r}")
        return None
    if ("scope" in spec and "scope" not in m.takes) or ("stage" in spec and "stage" not in m.takes):
        return None
    if m.requires and not any(d in spec for d in ("scope", "class", "stage") if d in m.requires):
        return None
    return table.key(spec, where)


def _composed_id(pattern: str, key: Key, where: str) -> str:
    """A family's id pattern filled with one combination's values."""
    ident = pattern
    for dim, value in (("scope", key.scope), ("class", "_".join(key.classes)), ("stage", "_".join(key.stages)),
                       ("measure", key.measure), ("form", key.form),
                       ("currency", {"元": "cny", "美元": "usd"}.get(key.currency or ""))):
        ident = ident.replace("{" + dim + "}", value or "")
    ident = re.sub(r"_+", "_", ident).strip("_")
    if not SLUG.fullmatch(ident):
        raise CatalogError(f"{where}: id pattern {pattern!r} gives {ident!r}, not a lower-case slug")
    return ident


def _load_retired(path: Path, items: list[Any], indicators: dict[str, Indicator]) -> dict[str, tuple[str | None, str]]:
    retired: dict[str, tuple[str | None, str]] = {}
    for i, item in enumerate(items):
        where = entry_label(path, "retired", i, item)
        entry = checked_entry(item, where, ("id", "why"), {"id", "now", "why"})
        ident, now = str(entry["id"]), entry.get("now")
        if ident in indicators:
            raise CatalogError(f"{where}: {ident!r} is retired but still an indicator")
        if now is not None and now not in indicators:
            raise CatalogError(f"{where}: replacement {now!r} is not an indicator")
        retired[ident] = (now, str(entry["why"]))
    return retired
