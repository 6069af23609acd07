"""The research desk at scale: request latencies of a real `zone serve` on a large database.

    .venv/bin/python bench/bench_browse.py DB [--rounds 20]

Build DB first, e.g. `.venv/bin/python bench/bench_ingest.py 2000 --keep /tmp/b2000.db`
(140,000 figures). Starts `zone serve` on a free port of 127.0.0.1, asks each page ROUNDS times
(after one warm-up request) and prints p50 / p95 / max in milliseconds: Chinese search (the
search box on figure_detail and article, the ranked canned queries, a one-character query),
a figure's, an indicator's, an article's page and a zone's dashboard. Only loopback traffic,
bounded in count; the server is stopped at the end.
"""
from __future__ import annotations

import argparse
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pages(db: Path) -> dict[str, str]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        figure = c.execute("SELECT id FROM figure WHERE text LIKE '%亿元' AND origin = 'reported' "
                           "ORDER BY id DESC LIMIT 1").fetchone()[0]
        article = c.execute("SELECT max(id) FROM article").fetchone()[0]
        region = c.execute("SELECT region_id FROM figure WHERE region_id IS NOT NULL GROUP BY region_id "
                           "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        indicator = c.execute("SELECT indicator_id FROM figure WHERE indicator_id IS NOT NULL "
                              "GROUP BY indicator_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    return {
        "search box figure_detail 产值": "/zone/figure_detail?_search=产值",
        "search box figure_detail 签约项目": "/zone/figure_detail?_search=签约项目",
        "search box article 汽车": "/zone/article?_search=汽车",
        "figure_search 产值 (ranked)": "/zone/figure_search?q=产值",
        "figure_search 汽 (one character)": "/zone/figure_search?q=汽",
        "article_search 投资 (ranked)": "/zone/article_search?q=投资",
        "figure page": f"/zone/figure/{figure}",
        f"indicator page ({indicator})": f"/zone/indicator/{indicator}",
        "article page": f"/zone/article/{article}",
        "zone dashboard": f"/zone/region/{region}",
        "figure_detail, first page": "/zone/figure_detail",
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with sqlite3.connect(f"file:{args.db}?mode=ro", uri=True) as c:
        figures = c.execute("SELECT count(*) FROM figure").fetchone()[0]
        articles = c.execute("SELECT count(*) FROM article").fetchone()[0]
    print(f"{args.db}: {articles:,} articles, {figures:,} figures, {args.db.stat().st_size / 1e6:.0f} MB")
    port = free_port()
    zone = Path(sys.executable).with_name("zone")
    server = subprocess.Popen([str(zone), "serve", "--db", str(args.db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(base + "/-/versions.json", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("zone serve did not start")
            time.sleep(0.2)
        print(f"{'page':42} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  status")
        with httpx.Client(base_url=base, timeout=60) as client:
            for name, path in pages(args.db).items():
                client.get(path)
                times, status = [], set()
                for _ in range(args.rounds):
                    t0 = time.perf_counter()
                    response = client.get(path)
                    times.append((time.perf_counter() - t0) * 1000)
                    status.add(response.status_code)
                times.sort()
                p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
                print(f"{name:42} {statistics.median(times):8.0f} {p95:8.0f} {times[-1]:8.0f}  {sorted(status)}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
