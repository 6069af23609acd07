"""Cross-article link and region checks (eval/dev/links.jsonl, eval/heldout_links/links.jsonl):
the rules that judge them, shared by eval/score_links.py (real articles) and
tests/test_link_checks.py (our own fixture articles).

- ``{"type": "link", "a": [article, quote, occurrence], "b": [...], "same": true|false}``
  passes when both figures are found (the figure whose span overlaps the quote's occurrence
  most, counted over the whole file as in the gold) and they are one series (same=true: the
  same indicator and kind, as zone's series view keys them; a level and its growth are two
  series, as the conventions want) or not (same=false). Two unlinked figures are neither the
  same nor different (both checks fail); an unlinked figure and a linked one are different.
- ``{"type": "region", "at": [article, quote, occurrence], "region": NAME}`` passes when the
  figure's region is NAME by its canonical name (全国 is 中国).

A check whose article is not at hand is skipped.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scoring import find_quote

from ingest.catalog import catalog
from ingest.model import Figure
from ingest.pipeline import figures_of
from ingest.reader import read_article


@dataclass
class Outcome:
    """One check: its line number, type, whether it passed (None: skipped) and what was found."""

    line: int
    type: str
    ok: bool | None
    label: str
    detail: str


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    figures: dict[str, list[Figure]] = field(default_factory=dict)

    def passed(self, kind: str | None = None) -> tuple[int, int]:
        """(passed, run) over the checks of one type, or all; skipped checks are not run."""
        run = [o for o in self.outcomes if o.ok is not None and kind in (None, o.type)]
        return sum(1 for o in run if o.ok), len(run)

    @property
    def skipped(self) -> int:
        return sum(1 for o in self.outcomes if o.ok is None)


def find_figure(source: str, figures: list[Figure], quote: str, occurrence: int) -> Figure | None:
    """The figure whose span overlaps the quote's occurrence most (None when none does)."""
    start = find_quote(source, quote, occurrence)
    end = start + len(quote)
    best, best_overlap = None, 0
    for f in figures:
        overlap = min(end, f.end) - max(start, f.start)
        if overlap > best_overlap:
            best, best_overlap = f, overlap
    return best


def series(f: Figure) -> tuple[str | None, str]:
    """What makes two figures one series in zone: their indicator and kind (a level, its change
    and its target are three series of one indicator; the series view keys them so)."""
    return (f.indicator, f.kind)


def describe(f: Figure | None) -> str:
    if f is None:
        return "not found"
    why = f" [{f.link_evidence}]" if f.link_evidence else ""
    return f"{f.text} -> {f.indicator or 'unlinked'} @{f.region}{why}"


def _judge(check: dict[str, Any], found: list[Figure | None]) -> tuple[bool, str]:
    if check["type"] == "link":
        a, b = found
        if a is None or b is None:
            ok = False
        elif check["same"]:
            ok = a.indicator is not None and series(a) == series(b)
        else:
            ok = (a.indicator, b.indicator) != (None, None) and series(a) != series(b)
        return ok, "same" if check["same"] else "different"
    (a,) = found
    return a is not None and a.region == catalog().region_name(check["region"]), f"region {check['region']}"


def run_checks(checks: Path, files: dict[str, Path]) -> Report:
    """Read, extract and link every article (name -> file) as `zone ingest` does, then judge
    every check of the checks file."""
    report = Report()
    sources: dict[str, str] = {}
    for name, path in files.items():
        article = read_article(path)
        sources[name], report.figures[name] = article.source, figures_of(article)
    for n, line in enumerate(checks.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        check = json.loads(line)
        refs = [check["a"], check["b"]] if check["type"] == "link" else [check["at"]]
        if any(r[0] not in sources for r in refs):
            report.outcomes.append(Outcome(n, check["type"], None, "article not at hand", ", ".join(r[0] for r in refs)))
            continue
        found = [find_figure(sources[r[0]], report.figures[r[0]], r[1], int(r[2]) if len(r) > 2 else 1) for r in refs]
        ok, label = _judge(check, found)
        detail = " | ".join(f"{r[0]}:{describe(f)}" for r, f in zip(refs, found))
        report.outcomes.append(Outcome(n, check["type"], ok, f"{label}; {check.get('why', '')}", detail))
    return report
