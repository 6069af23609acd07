#!/usr/bin/env python3
"""Score the extractor on every rebuilt real article that is present.

Real articles are third-party pages: only their gold files and manifests live in this
repository (eval/<set>/NN.jsonl, eval/<set>/MANIFEST.tsv); the texts are rebuilt into the
git-ignored eval/texts/<set>/NN.md as each set's README says. This script scores whatever
texts are there and prints one line per article and a micro total per set.

    .venv/bin/python eval/score.py                 # every set with texts present
    .venv/bin/python eval/score.py heldout -v      # one set, listing misses and wrong attributes
    .venv/bin/python eval/score.py --gold-dir ../shared/eval/dev dev
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from scoring import Score, load_gold, score  # noqa: E402

from ingest.extract import extract_figures  # noqa: E402
from ingest.reader import read_article  # noqa: E402

TEXTS = ROOT / "eval" / "texts"
_ASIDE = re.compile(r"[（(][^）)]*[）)]")


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def subject_agrees(gold: str, predicted: str) -> bool:
    """Containment either way, or half the character bigrams shared (Dice): the extracted
    subject names the same thing as the annotator's, in other words allowed."""
    g, p = _ASIDE.sub("", gold).strip(), _ASIDE.sub("", predicted).strip()
    if not g or not p:
        return False
    if g in p or p in g:
        return True
    a, b = _bigrams(g), _bigrams(p)
    return bool(a and b) and 2 * len(a & b) / (len(a) + len(b)) >= 0.5


def subject_counts(gold_rows: list[dict], figures: list, result: Score) -> tuple[int, int]:
    """(required gold figures the scorer matched that carry a subject, those whose extracted
    subject agrees), over the scorer's own matches."""
    subjects = {int(r.get("id", i + 1)): r.get("subject", "") for i, r in enumerate(gold_rows)}
    pairs = [(subjects.get(g.id, ""), figures[i].subject) for g, i in result.matched]
    pairs = [(g, p) for g, p in pairs if g]
    return len(pairs), sum(subject_agrees(g, p) for g, p in pairs)


def score_set(name: str, gold_dir: Path, verbose: bool) -> Score | None:
    texts = TEXTS / name
    if not texts.is_dir():
        return None
    total = Score()
    subjects = [0, 0]
    for gold in sorted(gold_dir.glob("*.jsonl")):
        article = texts / f"{gold.stem}.md"
        if not article.is_file():
            continue
        source = article.read_text(encoding="utf-8")
        rows, figures = load_gold(gold), extract_figures(read_article(article))
        s = score(source, rows, figures)
        n, ok = subject_counts(rows, figures, s)
        subjects[0] += n
        subjects[1] += ok
        print(f"{name}/{gold.stem}: gold={s.gold} tp={s.tp} fp={s.fp} fn={s.fn} "
              f"f1={s.f1:.3f} strict_f1={s.strict_f1:.3f} subject={ok}/{n}")
        if verbose:
            print("\n".join("    " + line for line in s.report().splitlines()[1:]))
        for k in ("gold", "predicted", "tp", "fn", "fp", "strict_tp"):
            setattr(total, k, getattr(total, k) + getattr(s, k))
    share = subjects[1] / subjects[0] if subjects[0] else 0.0
    print(f"{name} (micro): gold={total.gold} tp={total.tp} fp={total.fp} fn={total.fn} "
          f"f1={total.f1:.3f} strict_f1={total.strict_f1:.3f} subject={share:.3f}")
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", help="set names under eval/texts/ (default: all present)")
    parser.add_argument("--gold-dir", type=Path, help="gold folder when it is not eval/<set>/")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    # Sets with figure gold (eval/<set>/*.jsonl other than links.jsonl); heldout_links has link checks only.
    names = args.sets or sorted(p.name for p in TEXTS.iterdir() if p.is_dir() and any(
        g.name != "links.jsonl" for g in (ROOT / "eval" / p.name).glob("*.jsonl"))) if TEXTS.is_dir() else args.sets
    if not names:
        print(f"no rebuilt texts under {TEXTS}; see eval/README.md", file=sys.stderr)
        return 1
    for name in names:
        gold_dir = args.gold_dir or ROOT / "eval" / name
        if score_set(name, gold_dir, args.verbose) is None:
            print(f"{name}: no texts in {TEXTS / name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
