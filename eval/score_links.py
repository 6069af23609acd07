#!/usr/bin/env python3
"""Check cross-article links and regions on the rebuilt dev articles (eval/dev/links.jsonl).

Every rebuilt article present (eval/texts/dev/NN.md, and "seed" for the seed article in
articles/) is read, extracted and linked in-process, exactly as `zone ingest` does
(ingest.pipeline.figures_of). Then every line of the checks file is tried:

- ``{"type": "link", "a": [article, quote, occurrence], "b": [...], "same": true|false}``
  passes when both figures are found (a figure whose span overlaps the quote's occurrence,
  counted over the whole file as in the gold) and they are one series (same=true: the same
  indicator and kind, as zone's series view keys them; a level and its growth are two series,
  as the conventions want) or not (same=false). Two unlinked figures are neither the same nor
  different (both checks fail); an unlinked figure and a linked one are different.
- ``{"type": "region", "at": [article, quote, occurrence], "region": NAME}`` passes when the
  figure's region is NAME (by its canonical name: 全国 is 中国).

Checks whose article is not rebuilt are reported as skipped. Also printed: the share of
figures each article links to an indicator.

    .venv/bin/python eval/score_links.py            # per-check results and totals
    .venv/bin/python eval/score_links.py -v         # also each article's unlinked figures
    .venv/bin/python eval/score_links.py --checks FILE --texts DIR
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from scoring import find_quote  # noqa: E402

from ingest.catalog import catalog  # noqa: E402
from ingest.pipeline import figures_of  # noqa: E402
from ingest.reader import read_article  # noqa: E402

SEED = ROOT / "articles" / "2022-08-10_czrb_content_66129.txt"
CHECKS = ROOT / "eval" / "dev" / "links.jsonl"
TEXTS = ROOT / "eval" / "texts" / "dev"


def article_files(texts: Path) -> dict[str, Path]:
    files = {p.stem: p for p in sorted(texts.glob("*.md"))} if texts.is_dir() else {}
    if SEED.is_file():
        files["seed"] = SEED
    return files


def find_figure(source: str, figures: list, quote: str, occurrence: int):
    """The figure whose span overlaps the quote's occurrence most (None when none does)."""
    start = find_quote(source, quote, occurrence)
    end = start + len(quote)
    best, best_overlap = None, 0
    for f in figures:
        overlap = min(end, f.end) - max(start, f.start)
        if overlap > best_overlap:
            best, best_overlap = f, overlap
    return best


def series(f) -> tuple:
    """What makes two figures one series in zone: their indicator and kind (a level, its change
    and its target are three series of one indicator; the series view keys them so)."""
    return (f.indicator, f.kind)


def describe(f) -> str:
    if f is None:
        return "not found"
    why = f" [{f.link_evidence}]" if getattr(f, "link_evidence", "") else ""
    return f"{f.text} -> {f.indicator or 'unlinked'} @{f.region}{why}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checks", type=Path, default=CHECKS)
    parser.add_argument("--texts", type=Path, default=TEXTS)
    parser.add_argument("-v", "--verbose", action="store_true", help="list each article's unlinked figures")
    args = parser.parse_args()

    cat = catalog()
    files = article_files(args.texts)
    articles: dict[str, tuple[str, list]] = {}
    for name, path in files.items():
        article = read_article(path)
        articles[name] = (article.source, figures_of(article))

    def locate(ref: list):
        name, quote = ref[0], ref[1]
        occurrence = int(ref[2]) if len(ref) > 2 else 1
        source, figures = articles[name]
        return find_figure(source, figures, quote, occurrence)

    totals = {"link": [0, 0], "region": [0, 0]}
    skipped = 0
    for n, line in enumerate(args.checks.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        check = json.loads(line)
        refs = [check["a"], check["b"]] if check["type"] == "link" else [check["at"]]
        if any(r[0] not in articles for r in refs):
            skipped += 1
            print(f"SKIP {n:>2} {check['type']}: article not rebuilt ({', '.join(r[0] for r in refs)})")
            continue
        found = [locate(r) for r in refs]
        if check["type"] == "link":
            a, b = found
            if a is None or b is None:
                ok = False
            elif check["same"]:
                ok = a.indicator is not None and series(a) == series(b)
            else:
                ok = (a.indicator, b.indicator) != (None, None) and series(a) != series(b)
            label = "same" if check["same"] else "different"
            detail = f"{check['a'][0]}:{describe(a)} | {check['b'][0]}:{describe(b)}"
        else:
            (a,) = found
            ok = a is not None and a.region == cat.region_name(check["region"])
            label = f"region {check['region']}"
            detail = f"{check['at'][0]}:{describe(a)}"
        totals[check["type"]][0] += ok
        totals[check["type"]][1] += 1
        print(f"{'PASS' if ok else 'FAIL'} {n:>2} {check['type']} ({label}; {check.get('why', '')}): {detail}")

    print()
    linked_all = total_all = 0
    for name, (_, figures) in articles.items():
        linked = sum(1 for f in figures if f.indicator)
        linked_all += linked
        total_all += len(figures)
        print(f"linked {name}: {linked}/{len(figures)}")
        if args.verbose:
            for f in figures:
                if not f.indicator:
                    print(f"    unlinked {f.text!r} ({f.kind}, {f.unit}) subject={f.subject!r}")
    share = linked_all / total_all if total_all else 0.0
    print(f"linked (all): {linked_all}/{total_all} = {share:.3f}")
    for kind, (ok, n) in totals.items():
        print(f"{kind} checks: {ok}/{n} pass")
    print(f"all checks: {sum(v[0] for v in totals.values())}/{sum(v[1] for v in totals.values())} pass"
          + (f", {skipped} skipped" if skipped else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
