"""Time linking alone: the CPU link_figures spends per article.

    .venv/bin/python bench/bench_link.py FOLDER... [--repeat 5] [--profile OUT]

Reads and extracts every article under the folders once, then links all of them --repeat
times, each run from the same extracted figures (the article's region as the reader gave
it), and prints the CPU time (time.process_time) per article of each run, their median and
the load average. Linking's goal (zone issue 8): a few milliseconds per article, so that
read + extract + link + save of 10,000 articles fits in two minutes on one core.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ingest.catalog import catalog, link_figures  # noqa: E402
from ingest.extract import extract_figures  # noqa: E402
from ingest.model import Article, ArticleError, Figure  # noqa: E402
from ingest.pipeline import article_paths, read_within_limits  # noqa: E402


def prepared(folders: list[Path]) -> list[tuple[Article, str | None, list[Figure]]]:
    """Each readable article, the region its source gave, and its extracted figures."""
    out = []
    for path in article_paths(folders):
        try:
            article = read_within_limits(path)
        except ArticleError:
            continue
        out.append((article, article.region, extract_figures(article)))
    return out


def link_all(articles: list[tuple[Article, str | None, list[Figure]]]) -> float:
    """CPU seconds to link every article once, from a cold start (nothing kept from the
    run before: the articles of a run share words, the runs would share all of them)."""
    cat = catalog()
    getattr(cat, "_kept", {}).clear()
    t0 = time.process_time()
    for article, region, figures in articles:
        article.region = region
        link_figures(article, figures, cat)
    return time.process_time() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--profile", help="write cProfile stats of one more run here")
    args = ap.parse_args()
    articles = prepared(args.folders)
    n = len(articles)
    figures = sum(len(f) for _, _, f in articles)
    runs = [link_all(articles) / n * 1000 for _ in range(args.repeat)]
    print(f"{n} articles, {figures} figures: link ms/article " + " ".join(f"{r:.2f}" for r in runs)
          + f"; median {statistics.median(runs):.2f}; load {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.profile:
        cProfile.runctx("link_all(articles)", globals(), {"articles": articles, "link_all": link_all},
                        args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
