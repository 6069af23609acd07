"""Score extracted figures against a hand-made gold file (tests/fixtures/gold/*.jsonl).

The project is measured from outside with the same conventions; this module lets the
test suite apply them without anything outside the repository.

Gold line: ``quote`` (exact text of the article, found at its ``occurrence``-th match
counted over the whole text, matches inside longer numbers included), ``value`` in base
units, ``value_max`` for ranges, ``unit``, ``qualifier``, ``kind`` (+ ``direction``),
``period`` (``YYYY``, ``YYYY-MM-DD``, ``START/END``, ``future`` or ``unknown``),
``period_alt`` (other acceptable periods) and ``optional``.

Matching: a prediction finds a gold figure when their spans overlap and value and unit
agree. Gold figures are taken in file order, each claiming the first unclaimed
prediction that fits. Optional gold figures, and predictions inside a front-matter
block or on an e-paper metadata line, count neither way. Strict scoring also wants the
qualifier, the kind and the period right; the periods of targets, and gold periods that
name no dates, are not checked.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

# Spellings of one unit that must not count as a disagreement.
_UNIT_SPELLINGS: dict[str, str] = {
    "％": "%",
    "个百分点": "百分点",
    "人民币": "元",
    "元人民币": "元",
    "㎡": "平方米",
    "m2": "平方米",
    "m²": "平方米",
    "平米": "平方米",
    "km": "公里",
    "千米": "公里",
    "m": "米",
    "t": "吨",
    "μg/m3": "微克/立方米",
    "μg/m³": "微克/立方米",
    "微克/m3": "微克/立方米",
}

_FRONT_MATTER = re.compile(r"---\r?\n.*?\r?\n---\r?\n", re.S)
_ENP_LINE = re.compile(r"[^\n]*/enpproperty-->[^\n]*")


class GoldError(ValueError):
    """A gold file that does not fit its article (a quote that is not there, a bad line)."""


@dataclass(frozen=True)
class GoldFigure:
    id: int
    quote: str
    start: int
    end: int
    value: float
    unit: str
    qualifier: str
    kind: str
    periods: tuple[tuple[str, str], ...]   # acceptable (start, end) date pairs; empty: not checked
    optional: bool
    value_max: float | None = None
    direction: str | None = None


@dataclass
class Score:
    gold: int = 0            # non-optional gold figures
    predicted: int = 0
    tp: int = 0
    fn: int = 0
    fp: int = 0
    strict_tp: int = 0
    misses: list[GoldFigure] = field(default_factory=list)
    extras: list[dict[str, Any]] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)     # matched, but an attribute is off
    matched: list[tuple[GoldFigure, int]] = field(default_factory=list)  # required gold figure, prediction index

    @staticmethod
    def _f1(tp: int, fp: int, fn: int) -> float:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return self._f1(self.tp, self.fp, self.fn)

    @property
    def strict_f1(self) -> float:
        # A matched figure with a wrong attribute is neither found nor missed twice:
        # precision and recall share the denominators of the lenient score.
        p = self.strict_tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.strict_tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def report(self) -> str:
        lines = [f"gold={self.gold} predicted={self.predicted} tp={self.tp} fn={self.fn} fp={self.fp} "
                 f"f1={self.f1:.4f} strict_f1={self.strict_f1:.4f}"]
        lines += [f"MISSED {g.quote!r} @{g.start} value={g.value:g} unit={g.unit!r}" for g in self.misses]
        lines += [f"EXTRA  {p['text']!r} @{p['start']} value={p['value']} unit={p['unit']!r}" for p in self.extras]
        lines += self.wrong
        return "\n".join(lines)


def canon_unit(unit: str | None) -> str:
    unit = (unit or "").strip()
    return _UNIT_SPELLINGS.get(unit, unit)


def same_value(a: Any, b: Any) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def _edge(text: str, upper: bool) -> str | None:
    if re.fullmatch(r"\d{4}", text):
        return f"{text}-12-31" if upper else f"{text}-01-01"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    return None


def period_dates(period: str | None) -> tuple[str, str] | None:
    """'2021' -> ('2021-01-01', '2021-12-31'); '2021/2022-08-10' -> both edges; 'future' -> None."""
    if not period or period in ("future", "unknown"):
        return None
    first, _, last = period.partition("/")
    lo, hi = _edge(first, False), _edge(last or first, True)
    return (lo, hi) if lo and hi else None


def find_quote(source: str, quote: str, occurrence: int) -> int:
    """Start of the occurrence-th match of quote in source (matches may sit inside longer numbers)."""
    pos = -1
    for _ in range(occurrence):
        pos = source.find(quote, pos + 1)
        if pos < 0:
            raise GoldError(f"quote {quote!r} has no occurrence {occurrence} in the article")
    return pos


def load_gold(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            raise GoldError(f"{path.name}:{n}: not JSON ({e.msg})") from None
    return rows


def resolve_gold(source: str, rows: Iterable[Mapping[str, Any]]) -> list[GoldFigure]:
    figures = []
    for row in rows:
        quote = row["quote"]
        start = find_quote(source, quote, int(row.get("occurrence", 1)))
        wanted = [period_dates(row.get("period"))] + [period_dates(p) for p in row.get("period_alt", [])]
        figures.append(GoldFigure(
            id=int(row.get("id", len(figures) + 1)), quote=quote, start=start, end=start + len(quote),
            value=float(row["value"]), unit=row.get("unit", ""), qualifier=row.get("qualifier", "exact"),
            kind=row.get("kind", "level"), periods=tuple(w for w in wanted if w),
            optional=bool(row.get("optional", False)),
            value_max=row.get("value_max"), direction=row.get("direction"),
        ))
    return figures


def neutral_spans(source: str) -> list[tuple[int, int]]:
    """Front matter and e-paper metadata lines repeat the title; figures there count neither way."""
    spans = []
    m = _FRONT_MATTER.match(source)
    if m:
        spans.append((0, m.end()))
    spans += [(m.start(), m.end()) for m in _ENP_LINE.finditer(source)]
    return spans


def as_prediction(figure: Any, source: str) -> dict[str, Any]:
    """A Figure (or a dict with the same keys) as a plain dict."""
    get = figure.get if isinstance(figure, Mapping) else (lambda k, d=None: getattr(figure, k, d))
    start, end = int(get("start")), int(get("end"))
    return {
        "start": start, "end": end, "text": source[start:end], "value": get("value"), "unit": get("unit"),
        "value_max": get("value_max"), "qualifier": get("qualifier"), "kind": get("kind"),
        "direction": get("direction"), "period_start": get("period_start"), "period_end": get("period_end"),
    }


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def score(source: str, gold_rows: Iterable[Mapping[str, Any]], figures: Iterable[Any]) -> Score:
    gold = resolve_gold(source, gold_rows)
    preds = [as_prediction(f, source) for f in figures]
    result = Score(predicted=len(preds))
    claimed = [False] * len(preds)
    for g in gold:
        hit = next((i for i, p in enumerate(preds) if not claimed[i]
                    and _overlap(p["start"], p["end"], g.start, g.end)
                    and same_value(p["value"], g.value) and canon_unit(p["unit"]) == canon_unit(g.unit)), None)
        if hit is None:
            if not g.optional:
                result.misses.append(g)
            continue
        claimed[hit] = True
        if g.optional:
            continue
        result.matched.append((g, hit))
        result.tp += 1
        p = preds[hit]
        problems = []
        if p["qualifier"] != g.qualifier:
            problems.append(f"qualifier {p['qualifier']!r} != {g.qualifier!r}")
        if p["kind"] != g.kind:
            problems.append(f"kind {p['kind']!r} != {g.kind!r}")
        if g.kind != "target" and g.periods and (p["period_start"], p["period_end"]) not in g.periods:
            problems.append(f"period {p['period_start']}/{p['period_end']} not in {list(g.periods)}")
        if problems:
            result.wrong.append(f"WRONG  {g.quote!r} @{g.start}: " + "; ".join(problems))
        else:
            result.strict_tp += 1
    neutral = [(g.start, g.end) for g in gold if g.optional] + neutral_spans(source)
    for i, p in enumerate(preds):
        if claimed[i] or any(_overlap(p["start"], p["end"], s, e) for s, e in neutral):
            continue
        result.extras.append(p)
    result.fn = len(result.misses)
    result.fp = len(result.extras)
    result.gold = result.tp + result.fn
    return result
