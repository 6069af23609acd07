"""The series view against a baseline schema, on the same rows, interleaved.

    .venv/bin/python bench/bench_series.py DB BASELINE_SCHEMA [--baseline-canned SQL_FILE] [--runs 5]

DB is a zone database (e.g. `bench/bench_ingest.py 2000 --keep DB`); BASELINE_SCHEMA another
schema.sql (e.g. `git show main:schema.sql > /tmp/main.sql`). Both copies hold the same tables;
only the views differ. With --baseline-canned (the baseline's canned series query), `zone
series`'s query (track.series.SERIES_SQL) with a region alias is timed against it. Each query runs on each copy in turn, RUNS times; the medians and their
ratio (current / baseline) are printed with the load average, since the machine is shared.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from track.regions import register  # noqa: E402
from track.series import SERIES_SQL  # noqa: E402

# The queries the product runs on the series view: `zone series` and Datasette's canned query
# (one indicator, optionally one region), the brief's latest periods of a level series (the
# terms it pushes down to the figures), and Datasette's indicator page.
QUERIES = {
    "one indicator (zone series, canned query)":
        ("SELECT count(*) FROM series WHERE indicator_id = :ind", {}),
    "one indicator and region":
        ("SELECT count(*) FROM series WHERE indicator_id = :ind AND region_id = :rid", {}),
    "brief: latest periods of a level series":
        ("SELECT count(*) FROM series WHERE indicator_id = :ind AND region_id IS :rid AND kind = 'level' "
         "AND unit = :unit AND period_end >= :since", {}),
}


def timed(conn: sqlite3.Connection, sql: str, params: dict[str, object]) -> float:
    start = time.perf_counter()
    conn.execute(sql, params).fetchall()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("baseline", type=Path)
    parser.add_argument("--baseline-canned", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copies = {"current": Path(tmp) / "current.db", "baseline": Path(tmp) / "baseline.db"}
        for name, path in copies.items():
            shutil.copyfile(args.db, path)
            schema = (REPO / "schema.sql") if name == "current" else args.baseline
            with sqlite3.connect(path) as conn:
                conn.executescript(schema.read_text(encoding="utf-8"))
        conns = {name: sqlite3.connect(path) for name, path in copies.items()}
        probe = conns["current"]
        ind, rid, unit, n = probe.execute(
            "SELECT indicator_id, region_id, unit, count(*) FROM figure WHERE indicator_id IS NOT NULL "
            "AND kind = 'level' GROUP BY 1, 2, 3 ORDER BY 4 DESC LIMIT 1").fetchone()
        since = probe.execute("SELECT period_end FROM figure WHERE indicator_id = ? AND region_id IS ? "
                              "AND kind = 'level' AND unit = ? ORDER BY period_end DESC LIMIT 1 OFFSET 19",
                              (ind, rid, unit)).fetchone()
        params = {"ind": ind, "rid": rid, "unit": unit, "since": since[0] if since else ""}
        print(f"{args.db}: {ind} / region {rid} / {unit}: {n} level figures; load average "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        register(conns["current"])
        alias = probe.execute("SELECT json_extract(aliases, '$[0]') FROM region WHERE id = ?", (rid,)).fetchone()[0]
        queries = {label: {"current": sql, "baseline": sql} for label, (sql, _) in QUERIES.items()}
        if args.baseline_canned:
            queries["canned series query, region by alias"] = {
                "current": SERIES_SQL, "baseline": args.baseline_canned.read_text(encoding="utf-8")}
        params.update(indicator=ind, region=alias or "")
        for label, sides in queries.items():
            times: dict[str, list[float]] = {"current": [], "baseline": []}
            for _ in range(args.runs):
                for name, conn in conns.items():
                    times[name].append(timed(conn, sides[name], params))
            cur, base = statistics.median(times["current"]), statistics.median(times["baseline"])
            print(f"  {label}: current {cur * 1000:.0f} ms, baseline {base * 1000:.0f} ms, ratio {cur / base:.2f}")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        for conn in conns.values():
            conn.close()


if __name__ == "__main__":
    sys.exit(main())
