"""zone's Datasette plugin: Chinese search, readable numbers, and a page per figure,
indicator, article and zone. Registered by browse/serve.py (make_datasette); it reads the
database only through Datasette's read-only connections.

- prepare_connection: escape_fts (Datasette's search box and ?_search=) and zone_fts (the
  canned searches) rewrite a query for the bigram index (browse/search.py); zone_region_key
  puts a region's name in the form of the region_name view (track/regions.py).
- render_cell: values as every display of zone writes them (common.formatting: 32.21亿元,
  1.45万人; title: the base value), sectors named from the catalog's one vocabulary
  (track.sectors), sentences with the figure marked and clamped to a few lines,
  figure/article/indicator ids as links.
- extra_template_vars: the data of the figure, indicator, article and region (dashboard)
  row pages, drawn by browse/templates/row-zone-*.html.
- extra_css_urls / extra_js_urls: browse/static (served at /zone-static/).
"""
from __future__ import annotations

import os
import sqlite3
from typing import Any, Awaitable, Callable

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.utils import path_with_replaced_args, urlsafe_components
from markupsafe import Markup, escape

from browse import dashboard, marks, pages
from browse.search import fts_query
from browse.serve import page_asked
from common.formatting import format_base
from track.regions import register as register_region_key
from track.sectors import sectors

DATABASE = marks.DB
STATIC = "/zone-static"
VALUE_COLUMNS = {"value", "value_max", "extracted_value", "reported_value", "derived_value", "current_value"}
SENTENCE_COLUMNS = {"sentence"}
# The linker's evidence (figure.link_evidence, `why` in the review queue): clamped like a sentence.
EVIDENCE_COLUMNS = {"link_evidence", "why"}
# Tables where Datasette already links these columns (foreign keys, primary keys).
LINKED_BY_DATASETTE = {"figure": {"article_id", "indicator_id", "region_id", "link_rival", "id"},
                       "figure_source": {"figure_id", "source_id"}}


@hookimpl(trylast=True)
def prepare_connection(conn: sqlite3.Connection) -> None:
    # trylast: after Datasette's own prepare_connection, so this escape_fts replaces its
    # (which only quotes words) and ?_search= / the search box read Chinese.
    conn.create_function("escape_fts", 1, fts_query, deterministic=True)
    conn.create_function("zone_fts", 1, fts_query, deterministic=True)
    register_region_key(conn)       # zone_region_key: canned queries find regions as the CLI does


def _get(row: Any, key: str) -> Any:
    try:
        return row[key] if key in row.keys() else None
    except (AttributeError, IndexError, KeyError, TypeError):
        return None


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any) -> Any:
    if database != DATABASE or value is None:
        return None
    if column in LINKED_BY_DATASETTE.get(table or "", set()):
        return None
    if column in VALUE_COLUMNS and isinstance(value, (int, float)):
        return value_cell(value, column, row)
    if column == "sector" and isinstance(value, str):
        indicator = _get(row, "indicator_id") or _get(row, "indicator") if table != "indicator" else None
        if not isinstance(indicator, str):
            return sector_cell(value, None)

        async def linked_sector() -> Markup:
            return sector_cell(value, (await indicator_sectors(datasette)).get(indicator))

        return linked_sector
    if column in SENTENCE_COLUMNS and isinstance(value, str):
        return Markup(f'<div class="zone-clamp">{marks.mark_word(value, _get(row, "text"))}</div>')
    if column in EVIDENCE_COLUMNS and isinstance(value, str):
        return Markup(f'<div class="zone-clamp">{escape(value)}</div>')
    if column == "figure_id" and isinstance(value, int) and table != "figure_source":
        return Markup(f'<a href="{marks.figure_url(value)}">{value}</a>')
    if column == "article_id" and isinstance(value, int):
        return Markup(f'<a href="{marks.article_url(value)}">{value}</a>')
    if column in ("indicator", "indicator_id") and isinstance(value, str) and table != "indicator":
        return Markup(f'<a href="{escape(marks.indicator_url(value))}">{escape(value)}</a>')
    return None


def value_cell(value: float, column: str, row: Any) -> Markup:
    """A value as zone writes it (32.21亿元), its base value on hover (3,221,000,000元). A
    range's lower bound carries its upper bound (1.2–1.5亿元); a derived value is rounded once."""
    keys = ("unit", "origin", "value_max")
    figure = {"value": value, **{k: _get(row, k) for k in keys}}
    if column != "value":
        figure["value_max"] = None
    base = format_base(value, figure["unit"] or "", derived=figure["origin"] == "derived")
    return Markup(f'<span class="zone-num" title="{escape(base)}">{escape(marks.shown_value(figure))}</span>')


def sector_cell(value: str, indicator_sector: str | None) -> Markup:
    """The figure's sector as the brief files it: its indicator's, else the stored word, in the
    catalog's vocabulary (高端装备 -> 装备制造); the stored word on hover when it differs."""
    name = sectors().canonical(indicator_sector or value)
    if name == value:
        return Markup(f"{escape(name)}")
    return Markup(f'<span title="stored as {escape(value)}">{escape(name)}</span>')


# indicator id -> its sector, read once per version of the database file (the catalog is
# re-applied by `zone ingest`, which changes the file).
_SECTORS: dict[tuple[str, int], dict[str, str]] = {}


async def indicator_sectors(datasette: Any) -> dict[str, str]:
    db = datasette.get_database(DATABASE)
    key = (str(db.path), os.stat(db.path).st_mtime_ns)
    if key not in _SECTORS:
        results = await db.execute("SELECT id, sector FROM indicator")
        _SECTORS.clear()
        _SECTORS[key] = {r[0]: r[1] for r in results.rows}
    return _SECTORS[key]


@hookimpl
def prepare_jinja2_environment(env: Any) -> None:
    # Facets on sector (browse/templates/_facet_results.html) name it as the cells do.
    env.filters["zone_sector"] = lambda value: sector_cell(str(value), None) if value else "-"


@hookimpl
def extra_css_urls(database: str | None) -> list[str]:
    return [f"{STATIC}/zone.css"]


@hookimpl
def extra_js_urls(database: str | None) -> list[str]:
    return [f"{STATIC}/zone.js"]


# table -> (template variable, loader of the page's data, type of the row's key)
ROW_PAGES: dict[str, tuple[str, Callable[[Any, Any], Awaitable[dict[str, Any] | None]], Callable[[str], Any]]] = {
    "figure": ("figure_page", pages.figure_page, int),
    "article": ("article_page", pages.article_page, int),
    "indicator": ("indicator_page", pages.indicator_page, str),
    "region": ("dashboard", dashboard.region_dashboard, int),
}


@hookimpl
def extra_template_vars(template: str, database: str | None, table: str | None, view_name: str,
                        request: Any, datasette: Any) -> Any:
    if request is None:
        return {}
    if view_name == "row" and database == DATABASE and table in ROW_PAGES:
        name, loader, kind = ROW_PAGES[table]

        async def row_page() -> dict[str, Any]:
            try:
                key = kind(urlsafe_components(request.url_vars["pks"])[0])
            except (KeyError, IndexError, ValueError):
                return {}
            try:
                return {name: await loader(datasette.get_database(DATABASE), key)}
            except QueryInterrupted:
                # Over Datasette's SQL time limit: the plain row page rather than an error.
                return {name: None}

        return row_page
    if template == "query.html" and database == DATABASE:
        return {"zone_page": page_links(request, datasette.max_returned_rows)}
    if view_name in ("index", "database") and DATABASE in datasette.databases:
        async def zone_list() -> dict[str, Any]:
            return {"zone_regions": await dashboard.zones(datasette.get_database(DATABASE))}

        return zone_list
    return {}


def page_links(request: Any, most: int) -> dict[str, Any]:
    """Where a canned query's page stands in its listing (browse/serve.py shows one page of it):
    its rows' numbers, the links to the pages before and after it, and whether it is the last
    page that can be listed (the listing holds the first ``most`` rows)."""
    page, size = page_asked(request.args.get("_page"), request.args.get("_size"), most)

    def link(n: int) -> str:
        return str(path_with_replaced_args(request, {"_page": str(n)}))

    return {"page": page, "first": (page - 1) * size + 1, "size": size, "next": link(page + 1),
            "previous": link(page - 1) if page > 1 else None, "at_end": page * size >= most, "most": most}
