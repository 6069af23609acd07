"""zone's Datasette plugin: Chinese search, readable numbers, and a page per figure,
indicator, article and zone. Registered by browse/serve.py (make_datasette); it reads the
database only through Datasette's read-only connections.

- prepare_connection: escape_fts (Datasette's search box and ?_search=) and zone_fts (the
  canned searches) rewrite a query for the bigram index (browse/search.py); zone_region_key
  puts a region's name in the form of the region_name view (track/regions.py).
- render_cell: values with grouping and 万/亿 (title: the base value), sentences with the
  figure marked and clamped to a few lines, figure/article/indicator ids as links.
- extra_template_vars: the data of the figure, indicator, article and region (dashboard)
  row pages, drawn by browse/templates/row-zone-*.html.
- extra_css_urls / extra_js_urls: browse/static (served at /zone-static/).
"""
from __future__ import annotations

import sqlite3
from typing import Any, Awaitable, Callable

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.utils import urlsafe_components
from markupsafe import Markup, escape

from browse import pages
from browse.format import format_plain, format_value
from browse.search import fts_query
from track.regions import register as register_region_key

DATABASE = pages.DB
STATIC = "/zone-static"
VALUE_COLUMNS = {"value", "value_max", "extracted_value", "reported_value", "derived_value", "current_value"}
SENTENCE_COLUMNS = {"sentence"}
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
        unit = _get(row, "unit")
        shown = format_value(value, unit) if unit is not None else format_plain(value)
        base = f"{format_plain(value)} {unit or ''}".strip()
        return Markup(f'<span class="zone-num" title="{escape(base)}">{escape(shown)}</span>')
    if column in SENTENCE_COLUMNS and isinstance(value, str):
        return Markup(f'<div class="zone-clamp">{pages.mark_word(value, _get(row, "text"))}</div>')
    if column == "figure_id" and isinstance(value, int) and table != "figure_source":
        return Markup(f'<a href="{pages.figure_url(value)}">{value}</a>')
    if column == "article_id" and isinstance(value, int):
        return Markup(f'<a href="{pages.article_url(value)}">{value}</a>')
    if column in ("indicator", "indicator_id") and isinstance(value, str) and table != "indicator":
        return Markup(f'<a href="{escape(pages.indicator_url(value))}">{escape(value)}</a>')
    return None


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
    "region": ("dashboard", pages.region_dashboard, int),
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
    if view_name in ("index", "database") and DATABASE in datasette.databases:
        async def zone_list() -> dict[str, Any]:
            return {"zone_regions": await pages.zones(datasette.get_database(DATABASE))}

        return zone_list
    return {}
