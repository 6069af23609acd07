#!/usr/bin/env python3
"""Check cross-article links and regions on rebuilt real articles (eval/dev/links.jsonl by
default; the rules are in tests/link_checks.py).

Every rebuilt article present (eval/texts/dev/NN.md, and "seed" for the seed article in
articles/) is read, extracted and linked in-process, exactly as `zone ingest` does. Then every
check is judged: a link check passes when both figures are found and are one series (same
indicator and kind) or not, as the check says; a region check when the figure's region is the
gold one. Checks whose article is not rebuilt are skipped. Also printed: the share of figures
each article links to an indicator.

    .venv/bin/python eval/score_links.py            # per-check results and totals
    .venv/bin/python eval/score_links.py -v         # also each article's unlinked figures
    .venv/bin/python eval/score_links.py --checks eval/heldout_links/links.jsonl --texts eval/texts/heldout_links
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from link_checks import run_checks  # noqa: E402

SEED = ROOT / "articles" / "2022-08-10_czrb_content_66129.txt"
CHECKS = ROOT / "eval" / "dev" / "links.jsonl"
TEXTS = ROOT / "eval" / "texts" / "dev"


def article_files(texts: Path) -> dict[str, Path]:
    files = {p.stem: p for p in sorted(texts.glob("*.md"))} if texts.is_dir() else {}
    if SEED.is_file():
        files["seed"] = SEED
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checks", type=Path, default=CHECKS)
    parser.add_argument("--texts", type=Path, default=TEXTS)
    parser.add_argument("-v", "--verbose", action="store_true", help="list each article's unlinked figures")
    args = parser.parse_args()

    report = run_checks(args.checks, article_files(args.texts))
    for o in report.outcomes:
        verdict = "SKIP" if o.ok is None else "PASS" if o.ok else "FAIL"
        print(f"{verdict} {o.line:>2} {o.type} ({o.label}): {o.detail}")
    print()
    linked_all = total_all = 0
    for name, figures in report.figures.items():
        linked = sum(1 for f in figures if f.indicator)
        linked_all += linked
        total_all += len(figures)
        print(f"linked {name}: {linked}/{len(figures)}")
        if args.verbose:
            for f in figures:
                if not f.indicator:
                    print(f"    unlinked {f.text!r} ({f.kind}, {f.unit}) subject={f.subject!r} [{f.link_evidence}]")
    share = linked_all / total_all if total_all else 0.0
    print(f"linked (all): {linked_all}/{total_all} = {share:.3f}")
    for kind in ("link", "region"):
        print(f"{kind} checks: {report.passed(kind)[0]}/{report.passed(kind)[1]} pass")
    ok, n = report.passed()
    print(f"all checks: {ok}/{n} pass" + (f", {report.skipped} skipped" if report.skipped else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
