"""The writer's CPU per article: what one `zone ingest --jobs N` process spends saving an article
(its rows, derived figures, search rows), the part of a run no worker can take over.

    .venv/bin/python bench/bench_writer.py [N] [RUNS] [--bulk]   (default 300 articles, 5 runs)

Prepares N synthetic articles once (bench_ingest.synthetic: the seed with other numbers, 72
figures each), then saves them with ingest.pipeline.Writer into a fresh database RUNS times and
prints the CPU milliseconds per article (time.process_time) of each run and their median, with
the load average; with --bulk as a bulk load (secondary indexes built once, at close, timed
too). Issue 8's goal (10,000 articles in 60 s with --jobs 2) needs about 5 ms.
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_ingest import synthetic  # noqa: E402

from ingest.catalog import catalog  # noqa: E402
from ingest.pipeline import Writer, article_paths, prepare  # noqa: E402
from ingest.reader import Overrides  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    bulk = "--bulk" in sys.argv   # as `zone ingest` of that many files into a fresh database
    catalog()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        synthetic(n, folder)
        prepared = [prepare(path, Overrides(), 5 * 2**20) for path in article_paths([folder])]
        print(f"{n} articles; load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        times = []
        for run in range(runs):
            writer = Writer(Path(tmp) / f"run{run}.db", lambda line, error: None, to_write=n if bulk else 0)
            writer.save(prepared[0])   # creates the database and writes the catalog: not timed
            writer.commit()
            t0 = time.process_time()
            for article in prepared[1:]:
                writer.save(article)
            writer.close()
            times.append((time.process_time() - t0) * 1000 / (n - 1))
        print(f"  writer CPU per article: median {statistics.median(times):.2f} ms "
              f"(runs: {', '.join(f'{t:.2f}' for t in times)}); "
              f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
