"""Ask the served database's slow pages before anyone does: when the server starts and whenever
the file has changed (zone ingest, zone review) and then stayed unchanged for a while.

Every answer of a count, facet, canned query or dashboard is kept per version of the file
(browse/serve.py ResultCache), so a page is slow only the first time it is asked of a version;
on a million figures that first time is seconds to minutes (a whole-database canned query
compares every series point with the others of its period). Warming asks those pages through
Datasette itself (its in-process client), exactly as a visitor would, so what is kept is what
a visit reads; a page whose queries ran over the time limit is asked again once the background
has finished them. The pages: the index and database pages, the two figure tables with their
facets, every canned query that lists without parameters, the dashboard of every zone the index
page lists, and the page and the series query (every region) of every indicator with figures:
one indicator's series at a million figures is 42,000 points, over the pages' time limit.
"""
from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any, Callable
from urllib.parse import quote

from datasette.database import QueryInterrupted

from browse import dashboard
from browse.serve import DATABASE_NAME as DATABASE
from browse.serve import file_version

TABLE_PAGES = ("/", f"/{DATABASE}", f"/{DATABASE}/figure", f"/{DATABASE}/figure_detail")
# Canned queries with parameters whose blank value asks for everything (the others, a search
# or one article, ask nothing with blank parameters).
BLANK_MEANS_ALL = ("latest_by_sector",)
# Indicators with figures (one search of the figure_series index each).
LINKED_INDICATORS_SQL = "SELECT id FROM indicator WHERE EXISTS (SELECT 1 FROM figure f WHERE f.indicator_id = indicator.id)"
# The file is looked at this often; it is warmed once it has not changed for one look.
WATCH_S = 5.0
# A page is asked again this often while the background finishes its queries, for at most SETTLE_S.
RETRY_S = 1.0
SETTLE_S = 900.0
FAILURES = 3


async def pages_to_warm(ds: Any) -> list[str]:
    """The canned queries that list without parameters, the dashboard of every zone the index
    page lists (after TABLE_PAGES, which include the index page), and the page and the series
    (every region) of every indicator that has figures."""
    queries = [name for name, query in (await ds.get_canned_queries(DATABASE, None)).items()
               if not query.get("params") or name in BLANK_MEANS_ALL or name == "series"]
    db = ds.get_database(DATABASE)
    deadline = time.monotonic() + SETTLE_S
    while True:
        try:
            zones = await dashboard.zones(db)
            break
        except QueryInterrupted:     # finished in the background (the answer is kept): ask again
            if time.monotonic() > deadline:
                zones = []
                break
            await asyncio.sleep(RETRY_S)
    # Apart from the pages' time limit: what to warm is worth waiting for.
    linked = await asyncio.to_thread(db.run_apart, LINKED_INDICATORS_SQL, {}, False)
    indicators = [quote(r[0], safe="") for r in linked.rows]
    series = [f"/{DATABASE}/series?indicator={i}&region=" for i in indicators] if "series" in queries else []
    return ([f"/{DATABASE}/{name}" for name in queries if name != "series"]
            + [f"/{DATABASE}/region/{z['id']}" for z in zones]
            + [f"/{DATABASE}/indicator/{i}" for i in indicators] + series)


async def settle(ds: Any, path: str) -> None:
    """Ask ``path`` until it was answered without any of its queries running over the time
    limit (each such query is finished in the background, or was left for a later request
    when the background was full)."""
    results = ds.get_database(DATABASE).results
    deadline = time.monotonic() + SETTLE_S
    failures = 0
    while True:
        asked = results.asked
        try:
            failed = (await ds.client.get(path)).status_code >= 400
        except Exception:   # noqa: BLE001 - the in-process client raises an error page's exception
            failed = True
        while results.busy() and time.monotonic() < deadline:
            await asyncio.sleep(RETRY_S)
        # A page that failed without leaving anything to the background (a query that is not
        # kept ran over the time limit) is asked again a few times: the machine may be busy.
        failures += failed and results.asked == asked
        if (results.asked == asked and not failed) or failures > FAILURES or time.monotonic() > deadline:
            return


async def warm_once(ds: Any) -> int:
    """Ask every page to warm once; returns how many."""
    for path in TABLE_PAGES:
        await settle(ds, path)
    found = await pages_to_warm(ds)
    for path in found:
        await settle(ds, path)
    return len(TABLE_PAGES) + len(found)


async def keep_warm(ds: Any, log: Callable[[str], None]) -> None:
    """Warm now, then again after each change of the file, for as long as the server runs."""
    path = Path(ds.get_database(DATABASE).path)
    warmed = None
    seen = file_version(path)
    while True:
        version = file_version(path)
        if version != warmed and version == seen:
            t0 = time.monotonic()
            count = await warm_once(ds)
            warmed = version
            log(f"zone serve: {count} pages ready in {time.monotonic() - t0:.0f} s")
        seen = version
        await asyncio.sleep(WATCH_S)

