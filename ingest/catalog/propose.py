"""A reviewer's proposed indicator: a combination of dimensions the catalog lacks becomes an
entry of reviewed.yaml (beside indicators.yaml, checked on load like it), so that the next
ingest links every figure whose words name that combination.

Dimensions may be given by id (revenue), Chinese name (营业收入), English name or any word
the catalog reads for them (营收). A combination the catalog already has is not written
again: the reviewer's figure is relinked to its indicator. Every problem is a CatalogError
with a one-line message, raised before anything is written.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ingest.catalog.indicators import check_key
from ingest.catalog.load import load_catalog, read_reviewed
from ingest.catalog.model import FORM_NAMES, SLUG, Catalog, CatalogError, Indicator, Key, simplified

_TABLES = {"measure": "measures", "scope": "scopes", "class": "classes", "stage": "stages"}
_CURRENCIES = {"元": "元", "cny": "元", "rmb": "元", "人民币": "元", "美元": "美元", "usd": "美元"}

HEADER = """\
# Indicators reviewers added with `zone review propose FIGURE --measure … --source …`: each
# a combination of the dimensions in dimensions.yaml that indicators.yaml did not name,
# with its source (the 统计指标 definition or where its wording comes from), the reviewer's
# note, the figure that prompted it (its key) and the day. Checked on load like
# indicators.yaml; edit or move an entry into indicators.yaml freely (keep its id). The
# sections measures, scopes, classes and stages may add dimensions, in the form of
# dimensions.yaml.
"""


@dataclass(frozen=True)
class NewScope:
    """A part of the economy the dimensions lack (氢能产业), proposed with the indicator."""

    id: str
    name: str
    name_en: str
    words: tuple[str, ...] = ()
    parent: str | None = None      # id, name or word of the scope that contains it


@dataclass(frozen=True)
class Proposal:
    """What a reviewer asks for: the dimensions (ids, names or words) and what to call it."""

    measure: str
    scope: str | None = None
    classes: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    form: str | None = None
    currency: str | None = None
    ident: str | None = None
    name: str | None = None
    name_en: str | None = None
    source: str | None = None
    note: str | None = None
    new_scope: NewScope | None = None


@dataclass(frozen=True)
class Staged:
    """A checked proposal: its indicator, the catalog with it, and the file to put in place
    (None when the catalog already had the combination)."""

    indicator: Indicator
    catalog: Catalog
    pending: Path | None
    target: Path

    @property
    def new(self) -> bool:
        return self.pending is not None

    def commit(self) -> None:
        if self.pending is not None:
            os.replace(self.pending, self.target)

    def discard(self) -> None:
        if self.pending is not None:
            self.pending.unlink(missing_ok=True)


def dimension_id(cat: Catalog, dim: str, text: str) -> str:
    """The id of a measure, scope, class or stage given by id, name, English name or word."""
    table: dict[str, Any] = getattr(cat, _TABLES[dim])
    text = text.strip()
    if text in table:
        return text
    named = [e.id for e in table.values() if e.name in (text, simplified(text)) or e.name_en.lower() == text.lower()]
    if len(named) == 1:
        return str(named[0])
    said = dict(cat._vocabulary.get(simplified(text), ()))
    if dim in said:
        return said[dim]
    near = [f"{e.id} ({e.name})" for e in table.values() if text and (text in e.name or e.name in text)][:3]
    raise CatalogError(f"proposal: unknown {dim} {text!r}" + (f"; did you mean {', '.join(near)}?" if near else
                                                              f" (see ingest/dimensions.yaml {_TABLES[dim]})"))


def _form(text: str | None) -> str | None:
    if text is None:
        return None
    for form, (zh, en) in FORM_NAMES.items():
        if text.strip() in (form, zh, en, zh.strip("()")):
            return form
    raise CatalogError(f"proposal: unknown form {text!r} (one of {', '.join(FORM_NAMES)})")


def proposed_key(cat: Catalog, p: Proposal) -> Key:
    """The combination a proposal names, checked against the dimensions (what each measure
    takes and requires, which classes apply)."""
    currency = None
    if p.currency is not None:
        currency = _CURRENCIES.get(p.currency.strip().lower())
        if currency is None:
            raise CatalogError(f"proposal: unknown currency {p.currency!r} (元 or 美元)")
    raw = {"measure": dimension_id(cat, "measure", p.measure),
           "scope": dimension_id(cat, "scope", p.scope) if p.scope else None,
           "class": [dimension_id(cat, "class", c) for c in p.classes],
           "stage": [dimension_id(cat, "stage", s) for s in p.stages],
           "form": _form(p.form), "currency": currency}
    return check_key(raw, "proposal", cat.measures, cat.scopes, cat.classes, cat.stages)


def _new_id(cat: Catalog, key: Key, asked: str | None) -> str:
    ident = asked or "_".join(part for part in (key.scope, *key.classes, *key.stages, key.measure, key.form,
                                                 {"元": "cny", "美元": "usd"}.get(key.currency or "")) if part)
    if not SLUG.fullmatch(ident):
        raise CatalogError(f"proposal: id {ident!r} must be a lower-case slug")
    if ident in cat.indicators or ident in cat.retired:
        raise CatalogError(f"proposal: id {ident!r} is already {'retired' if ident in cat.retired else 'an indicator'}"
                           "; give another with --id")
    return ident


def _entry(key: Key, ident: str, p: Proposal, figure: str, day: date | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": ident, "measure": key.measure}
    for name, value in (("scope", key.scope), ("class", list(key.classes)), ("stage", list(key.stages)),
                        ("form", key.form), ("currency", key.currency), ("name", p.name), ("name_en", p.name_en)):
        if value:
            entry[name] = value
    entry["source"] = " ".join((p.source or "").split())
    if p.note:
        entry["note"] = " ".join(p.note.split())
    entry["figure"] = figure
    entry["proposed"] = (day or date.today()).isoformat()
    return entry


def stage_proposal(cat: Catalog, p: Proposal, figure: str, target: Path, day: date | None = None) -> Staged:
    """Check a proposal and write the reviewed file with it beside ``target`` (not yet in its
    place: Staged.commit puts it there once the database has the relink). A combination the
    catalog has gives its indicator and writes nothing; a new scope is added with the indicator."""
    content = read_reviewed(target) or {}
    pending: Path | None = None
    try:
        if p.new_scope is not None:
            _need_source(p, f"scope {p.new_scope.id!r} is new")
            content = {**content, "scopes": [*(content.get("scopes") or []), _scope_entry(cat, p, figure, day)]}
            cat, pending = _write_and_load(content, target)
            p = replace(p, scope=p.new_scope.id)
        key = proposed_key(cat, p)
        known = cat.by_key.get(key)
        if known is not None:
            # The catalog has the combination (with a new scope, a family may compose it).
            return Staged(cat.indicators[known], cat, pending, target)
        _need_source(p, f"{key.label()} is a new indicator")
        ident = _new_id(cat, key, p.ident)
        content = {**content, "indicators": [*(content.get("indicators") or []), _entry(key, ident, p, figure, day)]}
        new, pending = _write_and_load(content, target)
    except BaseException:
        if pending is not None:
            pending.unlink(missing_ok=True)
        raise
    return Staged(new.indicators[ident], new, pending, target)


def _need_source(p: Proposal, what: str) -> None:
    if not (p.source or "").strip():
        raise CatalogError(f"proposal: {what}: --source must say where its definition or wording comes from "
                           "(统计公报, 统计年鉴, GB/T 4754-2017, a ministry's statistics …)")


def _scope_entry(cat: Catalog, p: Proposal, figure: str, day: date | None) -> dict[str, Any]:
    """The entry of a new scope, in the form of dimensions.yaml; its type is its parent's."""
    scope = p.new_scope
    assert scope is not None
    parent = dimension_id(cat, "scope", scope.parent) if scope.parent else None
    entry: dict[str, Any] = {"id": scope.id, "name": scope.name, "name_en": scope.name_en,
                             "type": cat.scopes[parent].type if parent else "industry"}
    if parent:
        entry["parent"] = parent
    entry["words"] = list(dict.fromkeys(scope.words or (scope.name,)))
    entry["source"] = " ".join((p.source or "").split())
    entry["note"] = f"proposed with figure {figure} on {(day or date.today()).isoformat()}"
    return entry


def _write_and_load(content: dict[str, Any], target: Path) -> tuple[Catalog, Path]:
    """The reviewed file written beside target with content, and the whole catalog read again
    with it: it must load like any edit would (the file is removed when it does not)."""
    pending = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    pending.write_text(HEADER + "\n" + yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=110),
                       encoding="utf-8")
    try:
        return load_catalog(reviewed_path=pending), pending
    except BaseException:
        pending.unlink(missing_ok=True)
        raise
