#!/usr/bin/env python3
"""How often the articles at hand link to each explicit entry of ingest/indicators.yaml: the
seed, our fixture articles and every rebuilt set in eval/texts/. Lists the entries reached
from one sentence of one article only (suspect of having been made for it) and those no
article reaches (kept only when their dimensions' sources are statistics).

    .venv/bin/python eval/catalog_usage.py          # singles and unused entries
    .venv/bin/python eval/catalog_usage.py -v       # every explicit entry with its counts
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from catalog_usage import article_files, explicit_ids, usage  # noqa: E402

from ingest.catalog import catalog  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    texts = ROOT / "eval" / "texts"
    folders = [ROOT / "articles", ROOT / "tests" / "fixtures" / "articles",
               *(sorted(p for p in texts.iterdir() if p.is_dir()) if texts.is_dir() else [])]
    files = article_files(folders)
    used = usage(files)
    cat = catalog()
    print(f"{len(files)} articles; {len(used)} indicators linked")
    for ident in explicit_ids():
        u = used.get(ident)
        n_s, n_a = (len(u.sentences), len(u.articles)) if u else (0, 0)
        if args.verbose or n_s <= 1:
            where = f"  ({sorted(u.sentences)[0][0]})" if u and u.single else ""
            print(f"{n_s:4d} sentences {n_a:3d} articles  {ident:<40} {cat.indicators[ident].source[:70]}{where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
