"""Grow a bench database to a million figures without ingesting a million figures.

    .venv/bin/python bench/grow_db.py DB COPIES [--reviews N]

DB is a database built by `bench/bench_ingest.py N --keep DB` (about 72 figures per article);
COPIES - 1 copies of every article are added, each on the same day under another paper
(paper name + copy number), its figures' values moved by up to ±20% (the same factor for a
value and its upper bound), ids offset, source ids and figure keys renamed, derived links
and the full-text index copied. 2,869 articles × 5 = 1.03 million figures. With --reviews, N
decisions of each kind (accept, reject, correct, relink, prefer) are recorded on figures
spread over the database, as `zone review` would, so views that apply reviews have some to
apply. Ingesting 14,000 articles takes over an hour on a shared two-core machine; this takes
minutes.
"""
from __future__ import annotations

import argparse
import sqlite3
import time
from pathlib import Path


def grow(c: sqlite3.Connection, copies: int) -> None:
    amax = c.execute("SELECT max(id) FROM article").fetchone()[0]
    fmax = c.execute("SELECT max(id) FROM figure").fetchone()[0]
    columns = [r[1] for r in c.execute("PRAGMA table_info(figure)")]
    t0 = time.perf_counter()
    for k in range(1, copies):
        ao, fo = k * amax, k * fmax
        moved = f"(1 + (((id * 7919 + {k} * 104729) % 401) - 200) / 1000.0)"
        exprs = {"id": f"id + {fo}", "article_id": f"article_id + {ao}",
                 "fkey": f"substr(fkey, 1, instr(fkey, '#') - 1) || '-c{k}' || substr(fkey, instr(fkey, '#'))",
                 "value": f"value * {moved}", "value_max": f"value_max * {moved}"}
        names = ", ".join(f'"{col}"' for col in columns)
        select = ", ".join(exprs.get(col, f'"{col}"') for col in columns)
        c.execute("BEGIN")
        c.execute(f"""INSERT INTO article SELECT id + {ao}, source_id || '-c{k}', coalesce(paper, '') || ' {k}',
            published, edition, page, title, url, region_id, path || '-c{k}', format, encoding, sha256,
            extractor_version, text, ingested_at FROM article WHERE id <= {amax}""")
        c.execute(f"INSERT INTO article_fts (rowid, title, text) SELECT rowid + {ao}, title, text FROM article_fts "
                  f"WHERE rowid <= {amax}")
        c.execute(f"INSERT INTO figure ({names}) SELECT {select} FROM figure WHERE id <= {fmax}")
        c.execute(f"INSERT INTO figure_source SELECT figure_id + {fo}, source_id + {fo} FROM figure_source "
                  f"WHERE figure_id <= {fmax}")
        c.execute(f"INSERT INTO figure_fts (rowid, subject, clause) SELECT rowid + {fo}, subject, clause "
                  f"FROM figure_fts WHERE rowid <= {fmax}")
        c.execute("COMMIT")
        print(f"copy {k}: {time.perf_counter() - t0:.0f} s", flush=True)


def add_reviews(c: sqlite3.Connection, n: int) -> None:
    """n decisions of each kind on reported figures spread evenly over the database."""
    total = c.execute("SELECT max(id) FROM figure").fetchone()[0]
    step = max(1, total // (5 * n))
    # The first reported figure of each stretch of ids (id % step would pick the same place of
    # every article when step is a multiple of an article's figure count: maybe a derived one).
    picked = [r for (r,) in c.execute("SELECT fkey FROM figure WHERE id IN (SELECT min(id) FROM figure "
                                      "WHERE origin = 'reported' GROUP BY id / ?) ORDER BY id LIMIT ?",
                                      (step, 5 * n))]
    rows = []
    for i, fkey in enumerate(picked):
        action = ("accept", "reject", "correct", "relink", "prefer")[i % 5]
        rows.append((fkey, action, "signed_projects" if action == "relink" else None,
                     123456.0 if action == "correct" else None, "bench", "2026-01-01T00:00:00Z"))
    c.executemany("INSERT INTO review (fkey, action, indicator_id, value, note, reviewed_at) "
                  "VALUES (?, ?, ?, ?, ?, ?)", rows)
    c.commit()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("copies", type=int)
    parser.add_argument("--reviews", type=int, default=0)
    args = parser.parse_args()
    c = sqlite3.connect(args.db, isolation_level=None)
    c.execute("PRAGMA foreign_keys = OFF")   # copies of rows that already satisfy them
    grow(c, args.copies)
    if args.reviews:
        add_reviews(c, args.reviews)
    figures, articles = (c.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("figure", "article"))
    print(f"{articles:,} articles, {figures:,} figures")


if __name__ == "__main__":
    main()
