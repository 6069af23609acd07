"""Brief data -> HTML (Jinja, autoescaped) -> PDF (WeasyPrint).

Article text is untrusted. Jinja escapes it, and WeasyPrint gets a URL fetcher that
serves only the files under reports/static/: nothing in a brief can make the renderer
read local files or reach the network.
"""
from __future__ import annotations

import functools
import gc
import mimetypes
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2
import markupsafe
import weasyprint
from weasyprint import urls as wp_urls

from reports.brief import Brief, make_brief
from reports.fonts import FontChoice, find_cjk_fonts
from reports.queries import BriefError, open_readonly

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


class RefusedURL(ValueError):
    """A URL outside the brief's own assets."""


# WeasyPrint >= 68 takes a URLFetcher object; older versions a function returning a dict.
_FetcherBase: Any = getattr(wp_urls, "URLFetcher", object)
_Response: Any = getattr(wp_urls, "URLFetcherResponse", None)


class AssetFetcher(_FetcherBase):
    """Serves files under one folder over file: URLs and refuses every other URL.

    ``requested`` records every URL WeasyPrint asked for, so tests can show that nothing
    from article text was ever fetched.
    """

    def __init__(self, root: Path = STATIC) -> None:
        if _FetcherBase is not object:
            super().__init__()       # its handlers stay unused: fetch() below never opens them
        self._fail_on_errors = False
        self.root = root.resolve()
        self.requested: list[str] = []

    def resolve(self, url: str) -> Path:
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"refused {url[:80]!r}: only the brief's own assets are served")
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            raise RefusedURL(f"refused {url[:80]!r}: not an asset under {self.root}")
        return path

    def fetch(self, url: str, headers: Any = None) -> Any:
        self.requested.append(url)
        path = self.resolve(url)
        body = path.read_bytes()
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if _Response is not None:
            return _Response(path.as_uri(), body=body, headers={"Content-Type": mime})
        return {"string": body, "mime_type": mime, "redirected_url": path.as_uri()}

    def __call__(self, url: str) -> Any:
        return self.fetch(url)


def unbroken(text: str) -> markupsafe.Markup:
    """Text that may break only after a dash (2022年1月1日– | 8月10日), never inside a date,
    a number or a unit: each piece escaped and kept whole (white-space: nowrap)."""
    pieces = re.split(r"(?<=[–~])", str(text))
    return markupsafe.Markup("").join(
        markupsafe.Markup('<span class="v">{}</span>').format(piece) for piece in pieces if piece)


def value_html(text: str) -> markupsafe.Markup:
    """A value as common.formatting wrote it, its number and unit kept on one line; the qualifier
    words before it (about, at least, 不少于) may end a line."""
    m = re.search(r"[−+±\d]", str(text))
    head, rest = (str(text)[:m.start()], str(text)[m.start():]) if m else ("", str(text))
    return markupsafe.Markup('{}<span class="v">{}</span>').format(head, rest)


def glossed(text: str) -> markupsafe.Markup:
    """English text with Chinese terms in it (the catalog's glosses, 全部财政收入): each Chinese
    run marked lang="zh", so the English brief says which words are Chinese."""
    pieces = re.split(r"([\u3400-\u9fff\uf900-\ufaff][\u3400-\u9fff\uf900-\ufaff“”、]*)", str(text))
    return markupsafe.Markup("").join(
        markupsafe.Markup('<span lang="zh">{}</span>').format(p) if i % 2 else markupsafe.escape(p)
        for i, p in enumerate(pieces) if p)


@functools.lru_cache(maxsize=1)
def template_env() -> jinja2.Environment:
    """One environment per process: templates are compiled once."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=True, default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["unbroken"] = unbroken
    env.filters["value"] = value_html
    env.filters["glossed"] = glossed
    return env


# WeasyPrint draws inline SVG text with the SVG's own font-family, not the page's CSS.
CHART_FONTS = '"Noto Sans CJK SC", "Source Han Sans SC", sans-serif'


def render_html(brief: Brief, fonts: FontChoice | None = None) -> str:
    chart_font = f'"{fonts.sans}", {CHART_FONTS}' if fonts else CHART_FONTS
    return template_env().get_template("brief.html").render(brief=brief, t=brief.labels, chart_font=chart_font)


def harfbuzz_subsetting() -> bool:
    """Whether WeasyPrint subsets fonts with HarfBuzz (fast) rather than fontTools."""
    try:
        from weasyprint.text.ffi import harfbuzz_subset
    except ImportError:
        return False
    return harfbuzz_subset is not None


@dataclass(frozen=True)
class RenderResult:
    path: Path
    pages: int
    figures: int
    articles: int
    zone: str
    seconds: float               # layout and PDF writing, not the queries
    fonts: FontChoice
    harfbuzz: bool


def render_pdf(html: str, output: Path, fonts: FontChoice, fetcher: AssetFetcher | None = None) -> int:
    """Write the PDF atomically (a failed render leaves no file); returns the page count."""
    fetcher = fetcher or AssetFetcher()
    base_url = STATIC.as_uri() + "/"
    # Python's cyclic collector runs many times during layout (WeasyPrint makes millions of
    # objects) and each full pass walks every object alive: the brief's own (queries, data,
    # templates) made the indicator brief's render 0.1-0.2 s slower than a bare one doing the
    # same calls (cProfile: same call counts, the gap gone with the collector off). Frozen,
    # they are left out of those passes.
    gc.freeze()
    try:
        document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
            stylesheets=[weasyprint.CSS(string=fonts.css(), base_url=base_url, url_fetcher=fetcher)])
    finally:
        gc.unfreeze()
    output.parent.mkdir(parents=True, exist_ok=True)
    # A plain file beside the target (not mkstemp, whose 0600 mode would stick), renamed into place.
    tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    try:
        document.write_pdf(tmp)
        os.replace(tmp, output)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return len(document.pages)


@dataclass(frozen=True)
class BriefRequest:
    """Which brief: the zone brief (default), the change brief (since a day or an article) or
    the indicator brief."""

    region: str | None = None
    lang: str = "zh"
    since: str | None = None            # YYYY-MM-DD
    since_article: str | None = None    # article id or source id
    indicator: str | None = None

    def check(self) -> None:
        kinds = sum(x is not None for x in (self.since or self.since_article, self.indicator))
        if self.since and self.since_article:
            raise BriefError("give --since or --since-article, not both")
        if kinds > 1:
            raise BriefError("--indicator makes an indicator brief; it does not take --since")


def build(conn: sqlite3.Connection, request: BriefRequest) -> Brief:
    """The brief asked for, as plain data."""
    request.check()
    if request.indicator:
        from reports.indicator_brief import make_indicator_brief
        return make_indicator_brief(conn, request.indicator, region=request.region, lang=request.lang)
    if request.since or request.since_article:
        from reports.change_facts import Since
        from reports.changes import make_change_brief
        return make_change_brief(conn, Since(day=request.since, article=request.since_article),
                                 region=request.region, lang=request.lang)
    return make_brief(conn, region=request.region, lang=request.lang)


def write_brief(conn: sqlite3.Connection, output: Path, region: str | None = None, lang: str = "zh",
                fonts: FontChoice | None = None, fetcher: AssetFetcher | None = None,
                request: BriefRequest | None = None) -> RenderResult:
    """The whole path: font check first (so no PDF is written without CJK), queries, HTML, PDF."""
    fonts = fonts or find_cjk_fonts()
    brief = build(conn, request or BriefRequest(region=region, lang=lang))
    html = render_html(brief, fonts)
    started = time.perf_counter()
    pages = render_pdf(html, output, fonts, fetcher)
    return RenderResult(path=output, pages=pages, figures=brief.n_figures, articles=brief.n_articles,
                        zone=brief.heading, seconds=time.perf_counter() - started, fonts=fonts,
                        harfbuzz=harfbuzz_subsetting())


def write_brief_file(db_path: Path, output: Path, region: str | None = None, lang: str = "zh",
                     request: BriefRequest | None = None) -> RenderResult:
    """What `zone brief` runs: the font check comes before the database is even opened."""
    request = request or BriefRequest(region=region, lang=lang)
    request.check()
    fonts = find_cjk_fonts()
    conn = open_readonly(db_path)
    try:
        return write_brief(conn, output, fonts=fonts, request=request)
    except sqlite3.DatabaseError as e:
        # e.g. a database built before a schema change: say which file, not a traceback.
        raise BriefError(f"{db_path}: cannot read the database ({e}); rebuild it with `zone ingest`") from None
    finally:
        conn.close()
