"""The research desk at scale: request latencies of a real `zone serve` on a large database,
side by side with plain `datasette -i` on the same file.

    .venv/bin/python bench/bench_browse.py DB [--rounds 20] [--only WORD] [--cold]

Build DB first, a million figures (bench/browse_results.md): `bench/make_articles.py /tmp/a
14000`, `zone ingest /tmp/a --jobs 2 --db DB`, `bench/grow_db.py DB 1 --reviews 40`.
Starts `zone serve` and `datasette -i DB` (no metadata, no plugin: Datasette as anyone would
serve the file) on free ports of 127.0.0.1, waits until zone serve has warmed its slow pages
(browse/warm.py; it says so on stderr; --cold: do not wait), then asks each page ROUNDS times
after one first request ("first": for a page zone does not warm, a visitor's first visit), the
two servers' requests interleaved so both see the same load. Prints p50 / p95 / max in
milliseconds for each, the HTTP status, and the load average before and after.

What plain Datasette is asked for each page: the same table page; for a canned query, the
same page of its SQL as an ad hoc query (LIMIT and OFFSET of zone's page; the search words
already rewritten, since it lacks zone's search function); for zone's own pages (figure,
indicator, dashboard) the plain row page.
Only loopback traffic, bounded in count; both servers are stopped at the end.
"""
from __future__ import annotations

import argparse
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

REPO = Path(__file__).resolve().parent.parent
WARM_WAIT_S = 3600
sys.path.insert(0, str(REPO))

from browse.search import fts_query  # noqa: E402
from browse.serve import PAGE_ROWS, load_metadata  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ids(db: Path) -> dict[str, Any]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        return {
            "figure": c.execute("SELECT id FROM figure WHERE text LIKE '%亿元' AND origin = 'reported' "
                                "ORDER BY id DESC LIMIT 1").fetchone()[0],
            "article": c.execute("SELECT max(id) FROM article").fetchone()[0],
            "source_id": c.execute("SELECT source_id FROM article ORDER BY id DESC LIMIT 1").fetchone()[0],
            "region": c.execute("SELECT region_id FROM article WHERE region_id IS NOT NULL "
                                "ORDER BY id DESC LIMIT 1").fetchone()[0],
            "indicator": c.execute("SELECT indicator_id FROM figure WHERE indicator_id IS NOT NULL "
                                   "ORDER BY id DESC LIMIT 1").fetchone()[0],
        }


def canned(name: str, page: int = 1, **params: str) -> tuple[str, str]:
    """A canned query's page on zone serve, and the same page of its SQL as an ad hoc query
    (LIMIT, OFFSET) for plain Datasette."""
    sql = load_metadata()["databases"]["zone"]["queries"][name]["sql"]
    plain = sql.replace("zone_fts(:q)", ":match") + f"\nLIMIT {PAGE_ROWS} OFFSET {(page - 1) * PAGE_ROWS}"
    plain_params = {k: v for k, v in params.items() if f":{k}" in plain}
    if ":match" in plain:
        plain_params["match"] = fts_query(params["q"])
    asked = {**params, **({"_page": str(page)} if page > 1 else {})}
    zone = f"/zone/{name}" + ("?" + urlencode(asked) if asked else "")
    return zone, "/{db}?" + urlencode({"sql": plain, **plain_params})


def pages(db: Path) -> dict[str, tuple[str, str]]:
    """name -> (path on zone serve, path on plain Datasette; {db} is its database name)."""
    i = ids(db)
    facets = "_facet=sector&_facet=kind"
    return {
        "figure table, two facets": (f"/zone/figure?{facets}", f"/{{db}}/figure?{facets}"),
        "figure_detail, first page (facets sector, kind)": ("/zone/figure_detail", f"/{{db}}/figure_detail?{facets}"),
        "search box figure_detail 产值": ("/zone/figure_detail?_search=产值",
                                          "/{db}/figure_detail?_search=产值"),
        "search box article 汽车": ("/zone/article?_search=汽车", "/{db}/article?_search=汽车"),
        "figure page": (f"/zone/figure/{i['figure']}", f"/{{db}}/figure/{i['figure']}"),
        "indicator page": (f"/zone/indicator/{i['indicator']}", f"/{{db}}/indicator/{i['indicator']}"),
        "article page": (f"/zone/article/{i['article']}", f"/{{db}}/article/{i['article']}"),
        "zone dashboard": (f"/zone/region/{i['region']}", f"/{{db}}/region/{i['region']}"),
        "index page": ("/", "/"),
        "canned latest_by_sector (one sector)": canned("latest_by_sector", sector="工业"),
        "canned article_figures": canned("article_figures", article=i["source_id"]),
        "canned figure_search 产值": canned("figure_search", q="产值"),
        "canned figure_search 汽 (one character)": canned("figure_search", q="汽"),
        "canned article_search 投资": canned("article_search", q="投资"),
        "canned articles": canned("articles"),
        "canned series (one indicator)": canned("series", indicator=i["indicator"], region=""),
        "canned conflicts": canned("conflicts"),
        "canned review_queue": canned("review_queue"),
        "canned review_queue, page 5": canned("review_queue", page=5),
        "canned orphaned_reviews": canned("orphaned_reviews"),
    }


def start(command: list[str], base: str, log: Any = subprocess.DEVNULL) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx.get(base + "/-/versions.json", timeout=1).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline or server.poll() is not None:
            server.terminate()
            raise SystemExit(f"{command[0]} did not start")
        time.sleep(0.2)


def warmed(log: str, t0: float) -> None:
    """Wait for zone serve to say its slow pages are ready (browse/warm.py), at most WARM_WAIT_S."""
    while time.monotonic() - t0 < WARM_WAIT_S:
        if "pages ready" in Path(log).read_text():
            print(f"zone serve warmed its pages in {time.monotonic() - t0:.0f} s; load average "
                  f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
            return
        time.sleep(2)
    print(f"zone serve still warming after {WARM_WAIT_S} s: measuring anyway", flush=True)


def timed(client: httpx.Client, path: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    status = client.get(path).status_code
    return (time.perf_counter() - t0) * 1000, status


def stats(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return f"{statistics.median(times):7.0f} {p95:7.0f} {times[-1]:7.0f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--only", default="", help="only the pages whose name contains this")
    parser.add_argument("--cold", action="store_true", help="do not wait for zone serve to warm its pages")
    args = parser.parse_args()
    with sqlite3.connect(f"file:{args.db}?mode=ro", uri=True) as c:
        figures = c.execute("SELECT count(*) FROM figure").fetchone()[0]
        articles = c.execute("SELECT count(*) FROM article").fetchone()[0]
        reviews = c.execute("SELECT count(*) FROM review").fetchone()[0]
    print(f"{args.db}: {articles:,} articles, {figures:,} figures, {reviews:,} reviews, "
          f"{args.db.stat().st_size / 1e6:.0f} MB; load average {os.getloadavg()[0]:.1f}")
    zone_port, plain_port = free_port(), free_port()
    bin_dir = Path(sys.executable).parent
    zone_base, plain_base = f"http://127.0.0.1:{zone_port}", f"http://127.0.0.1:{plain_port}"
    log = tempfile.NamedTemporaryFile("w+", prefix="zone-serve-", suffix=".log")
    t0 = time.monotonic()
    zone = start([str(bin_dir / "zone"), "serve", "--db", str(args.db), "--port", str(zone_port)], zone_base, log)
    plain = start([str(bin_dir / "datasette"), "-i", str(args.db), "--port", str(plain_port)], plain_base)
    if not args.cold:
        warmed(log.name, t0)
    plain_db = args.db.stem
    print(f"{'page':48} {'zone serve p50 p95 max':>24}  {'datasette -i p50 p95 max':>26}  status")
    try:
        with httpx.Client(base_url=zone_base, timeout=60) as zc, httpx.Client(base_url=plain_base, timeout=60) as pc:
            for name, (zone_path, plain_path) in pages(args.db).items():
                if args.only not in name:
                    continue
                plain_path = plain_path.replace("{db}", plain_db)
                zone_cold, _ = timed(zc, zone_path)
                plain_cold, _ = timed(pc, plain_path)
                zt: list[float] = []
                pt: list[float] = []
                status: set[str] = set()
                for _ in range(args.rounds):
                    ms, code = timed(zc, zone_path)
                    zt.append(ms)
                    status.add(f"z{code}")
                    ms, code = timed(pc, plain_path)
                    pt.append(ms)
                    status.add(f"d{code}")
                print(f"{name:48} {stats(zt)}  {stats(pt)}  {' '.join(sorted(status))} "
                      f"(first {zone_cold:.0f} / {plain_cold:.0f})", flush=True)
    finally:
        for server in (zone, plain):
            server.terminate()
            server.wait(timeout=10)
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
