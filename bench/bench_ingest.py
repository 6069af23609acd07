"""Ingest at scale: N synthetic articles made from the seed's paragraphs, into a fresh database.

    .venv/bin/python bench/bench_ingest.py [N] [--keep DB] [--no-queries]   (default 2000; target 10,000)

Ingests the N articles as `zone ingest` does with --jobs 1 and with --jobs 2, each into a fresh
database, and, side by side, a bare executemany of the same article and figure rows into a
fresh database (one transaction): the floor that SQLite and the schema's indexes set. Prints
seconds, articles/s, figures/s, peak memory (max RSS), the database size, the load average;
then (unless --no-queries) the time of the queries the product runs on such a database (series,
review queue, conflicts), and of the two commands that read all of it: `zone brief`
(write_brief_file) and `zone review` (queue). Each synthetic article is the seed with other
numbers, date and page id, so extraction does real work.
"""
from __future__ import annotations

import os
import random
import re
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ingest.catalog import catalog  # noqa: E402
from ingest.pipeline import Writer, article_paths, ingest_file, prepared_articles  # noqa: E402
from ingest.reader import Overrides  # noqa: E402
from ingest.store import open_db  # noqa: E402

SEED = REPO / "articles" / "2022-08-10_czrb_content_66129.txt"


def synthetic(n: int, folder: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    rng = random.Random(7)
    day0 = date(2012, 1, 1)
    for i in range(n):
        day = day0 + timedelta(days=i % 3900)
        body = re.sub(r"(?<=[^\d年月])\d+(?=[家个亿万条项件名吨%])", lambda m: str(rng.randint(1, 999)), text)
        body = body.replace("2022年08月10日", f"{day.year}年{day.month:02d}月{day.day:02d}日", 1)
        body = body.replace("2022-08-10 1 1 沧州日报 content_66129.html", f"{day} 1 1 沧州日报 content_{i}.html")
        (folder / f"{day}_{i}.txt").write_text(body, encoding="utf-8")


# What the product reads (zone series, Datasette, zone brief). Targets on 2,000 articles
# (140,000 figures): one indicator's series or conflicts < 200 ms, the review queue's first
# 100 rows < 500 ms. The last three rank every point of the database: they grow with it.
QUERIES = {
    "series of one indicator": "SELECT count(*) FROM series WHERE indicator_id = 'signed_projects'",
    "series of one indicator and region": "SELECT count(*) FROM series WHERE indicator_id = 'signed_projects' "
                                          "AND region = '沧州经济开发区'",
    "conflicts of one indicator": "SELECT count(*) FROM conflict WHERE indicator_id = 'signed_projects'",
    "review queue, first 100": "SELECT * FROM review_queue LIMIT 100",
    "figures of one article": "SELECT count(*) FROM figure_current WHERE article_id = 7",
    "review queue, sorted (Datasette)": "SELECT * FROM review_queue ORDER BY reason, published DESC, figure_id LIMIT 100",
    "every series point (Datasette; the brief reads only its series)": "SELECT count(*) FROM series",
    "derived disagreements": "SELECT count(*) FROM derived_disagreement",
}


def time_queries(db: Path) -> None:
    import sqlite3

    with sqlite3.connect(db) as conn:
        for name, sql in QUERIES.items():
            t0 = time.perf_counter()
            conn.execute(sql).fetchall()
            print(f"  {name}: {(time.perf_counter() - t0) * 1000:.0f} ms")


def time_commands(db: Path, folder: Path) -> None:
    """The brief (queries, layout, PDF) and the review queue, as the CLI runs them.
    Targets on 2,000 articles: brief < 10 s, review < 1 s."""
    import sqlite3

    from reports.render import write_brief_file
    from track.review import queue, uncertain

    t0 = time.perf_counter()
    result = write_brief_file(db, folder / "brief.pdf")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  zone brief: {time.perf_counter() - t0:.1f} s ({result.seconds:.1f} s layout and PDF), "
          f"{result.pages} pages; peak RSS {rss:.0f} MiB")
    with sqlite3.connect(db) as conn:
        t0 = time.perf_counter()
        rows = queue(conn)
        total = time.perf_counter() - t0
        t0 = time.perf_counter()
        doubtful = uncertain(conn)
        print(f"  zone review (queue): {total * 1000:.0f} ms, {len(rows)} figures; of it uncertain links: "
              f"{(time.perf_counter() - t0) * 1000:.0f} ms, {len(doubtful)} figures")


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the pool's workers)."""
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                  resource.getrusage(resource.RUSAGE_CHILDREN)))


def ingest_run(folder: Path, db: Path, jobs: int) -> tuple[float, float, int, float]:
    """`zone ingest FOLDER --jobs N` without the CLI's printing: (seconds, CPU seconds, figures,
    seconds of them spent at the end building the indexes a bulk load sets aside)."""
    figures = 0

    def count(line: str, error: bool) -> None:
        nonlocal figures
        assert not error, line
        figures += int(line.split(", ")[1].split()[0])

    t0, c0 = time.perf_counter(), cpu_seconds()
    paths = list(article_paths([folder]))
    writer = Writer(db, count, to_write=len(paths))
    for prepared in prepared_articles(paths, Overrides(), 5 * 2**20, jobs=jobs):
        writer.save(prepared)
    writer.commit()
    t1 = time.perf_counter()
    writer.close()
    end = time.perf_counter()
    return end - t0, cpu_seconds() - c0, figures, end - t1


def bare_insert(source: Path, db: Path) -> float:
    """The same article, sentence and figure rows written with one executemany per table, in one
    transaction, into a fresh database with the same schema and indexes."""
    import sqlite3

    with sqlite3.connect(source) as src:
        tables = {t: src.execute(f"SELECT * FROM {t}").fetchall()
                  for t in ("region", "indicator", "article", "sentence", "figure", "figure_source")}
    conn = open_db(db)
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    conn.execute("DELETE FROM region")
    conn.execute("DELETE FROM indicator")
    for table, rows in tables.items():
        if rows:
            conn.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed


def main() -> None:
    args = sys.argv[1:]
    keep = Path(args[args.index("--keep") + 1]) if "--keep" in args else None
    if keep:
        del args[args.index("--keep"):args.index("--keep") + 2]
    queries = "--no-queries" not in args
    args = [a for a in args if a != "--no-queries"]
    n = int(args[0]) if args else 2000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        synthetic(n, folder)
        db = keep or Path(tmp) / "bench.db"
        catalog()  # read once, before any timing
        print(f"{n} articles; load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        for label, jobs, target in (("zone ingest --jobs 1", 1, db), ("zone ingest --jobs 2", 2, Path(tmp) / "jobs2.db")):
            elapsed, cpu, figures, indexing = ingest_run(folder, target, jobs)
            print(f"  {label}: {elapsed:.1f} s ({cpu:.1f} s CPU; {indexing:.1f} s of it building indexes at the end), "
                  f"{n / elapsed:.0f} articles/s, {figures / elapsed:.0f} figures/s; "
                  f"database {target.stat().st_size / 2**20:.1f} MiB")
        c0 = cpu_seconds()
        bare = bare_insert(db, Path(tmp) / "bare.db")
        print(f"  bare executemany of the same rows: {bare:.1f} s ({cpu_seconds() - c0:.1f} s CPU), "
              f"{figures / bare:.0f} figures/s")
        conn = open_db(db)
        t1 = time.perf_counter()
        for path in list(article_paths([folder]))[:200]:
            ingest_file(conn, path)
        unchanged = (time.perf_counter() - t1) / min(n, 200)
        conn.close()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  re-ingest unchanged {unchanged * 1000:.1f} ms/article; peak RSS of the writer {rss:.0f} MiB; "
              f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        if queries:
            time_queries(db)
            time_commands(db, Path(tmp))


if __name__ == "__main__":
    main()
