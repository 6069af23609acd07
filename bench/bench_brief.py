"""The brief against a bare WeasyPrint render of the same HTML, side by side.

    .venv/bin/python bench/bench_brief.py [--db DB | --articles N [--keep DB]] [--runs 5] [--kinds zone,changes,indicator]

Without --db: the shipped zone.db, then (with --articles N, default 2000) a fresh database of N
synthetic articles made as bench_ingest.py makes them (kept with --keep DB; an existing DB given
to --db is used as it is). For each kind of brief it prints the median of --runs runs (brief
and bare interleaved) of

- brief: what `zone brief` does — queries, brief data, HTML (Jinja) and the PDF (WeasyPrint);
- bare:  WeasyPrint alone on the same HTML, stylesheets and fonts (no queries, no templates);

and their ratio: the brief's own overhead over rendering. The target is 1.3 at most.

The two do the same rendering work (cProfile: the same WeasyPrint calls, within 1% of function
calls), so on a shared machine their wall-clock times differ mostly by what other processes
take and by Python's cyclic collector (the brief's own objects made its passes longer until
render_pdf froze them): the CPU time of this process is printed beside the wall time, and the
load average. (Running each pair in alternating order after gc.collect() was tried: it gave
the brief 1.1-1.2x where this loop gives 0.9x on the same code, so ratios within ~0.2 are
harness effects, not the brief's work.)
"""
from __future__ import annotations

import gc
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import weasyprint  # noqa: E402

from reports.fonts import find_cjk_fonts  # noqa: E402
from reports.queries import open_readonly  # noqa: E402
from reports.render import STATIC, AssetFetcher, BriefRequest, build, render_html, render_pdf  # noqa: E402


def kinds_for(conn: sqlite3.Connection, region: str | None) -> dict[str, BriefRequest]:
    """The three briefs on a database: the zone, what its last 60 days of articles changed, and
    its most reported indicator."""
    (latest,) = conn.execute("SELECT max(published) FROM article").fetchone()
    since = conn.execute("SELECT date(?, '-60 days')", (latest,)).fetchone()[0]
    (indicator,) = conn.execute("SELECT indicator_id FROM figure WHERE indicator_id IS NOT NULL AND kind = 'level' "
                                "GROUP BY indicator_id ORDER BY count(*) DESC LIMIT 1").fetchone()
    return {"zone": BriefRequest(region=region), "changes": BriefRequest(region=region, since=since),
            "indicator": BriefRequest(indicator=indicator)}


def bare(html: str, fonts, out: Path) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """WeasyPrint alone: the same document, stylesheets and fetcher, straight to a file.
    (wall seconds, CPU seconds of this process)."""
    started, cpu = time.perf_counter(), time.process_time()
    fetcher = AssetFetcher()
    base = STATIC.as_uri() + "/"
    weasyprint.HTML(string=html, base_url=base, url_fetcher=fetcher).write_pdf(
        out, stylesheets=[weasyprint.CSS(string=fonts.css(), base_url=base, url_fetcher=fetcher)])
    return time.perf_counter() - started, time.process_time() - cpu


def brief(db: Path, request: BriefRequest, fonts, out: Path) -> tuple[float, float, float, float, str, int]:  # type: ignore[no-untyped-def]
    """The whole brief as `zone brief` makes it: (seconds, CPU seconds, of which queries and
    data, of which HTML from the templates, the HTML, pages)."""
    started, cpu = time.perf_counter(), time.process_time()
    conn = open_readonly(db)
    data = build(conn, request)
    queried = time.perf_counter() - started
    html = render_html(data, fonts)
    templated = time.perf_counter() - started - queried
    pages = render_pdf(html, out, fonts)
    conn.close()
    return time.perf_counter() - started, time.process_time() - cpu, queried, templated, html, pages


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def measure(db: Path, label: str, runs: int, kinds: list[str], region: str | None = None) -> list[tuple[str, float]]:
    fonts = find_cjk_fonts()
    conn = open_readonly(db)
    (articles,) = conn.execute("SELECT count(*) FROM article").fetchone()
    (figures,) = conn.execute("SELECT count(*) FROM figure").fetchone()
    requests = kinds_for(conn, region)
    conn.close()
    print(f"{label}: {articles} articles, {figures} figures")
    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "brief.pdf"
        brief(db, requests["zone"], fonts, out)              # warm caches: fonts, templates, pages
        for kind in kinds:
            totals, cpus, queries, templates, bares, bare_cpus, pages = [], [], [], [], [], [], 0
            html = brief(db, requests[kind], fonts, out)[4]
            for _ in range(runs):             # interleaved, so that a busy machine slows both alike
                # Each run starts from a collected heap: otherwise the cyclic collector makes one
                # render pay for the other's garbage (a 3-page brief swung 1.1-1.4x on that alone).
                gc.collect()
                total, cpu, queried, templated, html, pages = brief(db, requests[kind], fonts, out)
                totals.append(total)
                cpus.append(cpu)
                queries.append(queried)
                templates.append(templated)
                gc.collect()
                wall, bare_cpu = bare(html, fonts, Path(tmp) / "bare.pdf")
                bares.append(wall)
                bare_cpus.append(bare_cpu)
            t, c, q, h, b, bc = (statistics.median(x) for x in (totals, cpus, queries, templates, bares, bare_cpus))
            ratios.append((kind, t / b))
            print(f"  {kind:<9} brief {t:6.2f} s (queries and data {q:5.2f} s, templates {h:4.2f} s)   "
                  f"bare WeasyPrint {b:6.2f} s   ratio {t / b:4.2f}   CPU {c:5.2f} s / {bc:5.2f} s = {c / bc:4.2f}   "
                  f"{pages} pages   load {load()}")
    return ratios


def main() -> None:
    args = sys.argv[1:]
    if "--help" in args or "-h" in args:
        print(__doc__)
        return

    def option(name: str, default: str | None = None) -> str | None:
        if name in args:
            i = args.index(name)
            value = args[i + 1]
            del args[i:i + 2]
            return value
        return default

    db, keep = option("--db"), option("--keep")
    runs = int(option("--runs", "5") or 5)
    kinds = (option("--kinds", "zone,changes,indicator") or "").split(",")
    n = int(option("--articles", "2000") or 2000)
    if db:
        measure(Path(db), db, runs, kinds)
        return
    measure(REPO / "zone.db", "shipped zone.db", runs, kinds)
    from bench_ingest import synthetic  # the same synthetic articles as the ingest benchmark

    from ingest.pipeline import article_paths, ingest_file
    from ingest.store import open_db

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(keep) if keep else Path(tmp) / "bench.db"
        if not path.exists():
            folder = Path(tmp) / "articles"
            folder.mkdir()
            synthetic(n, folder)
            conn = open_db(path)
            for article in article_paths([folder]):
                ingest_file(conn, article)
            conn.close()
        measure(path, f"{n} synthetic articles", runs, kinds)


if __name__ == "__main__":
    main()
