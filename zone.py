"""zone: the command line. Each command is thin; the work lives in ingest/, reports/, browse/ and track/."""
from __future__ import annotations

import json
import sqlite3
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

import click

from ingest.model import Article, ArticleError
from ingest.reader import Overrides

DEFAULT_DB = Path("zone.db")

db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB,
                         show_default=True, help="SQLite database file")


def metadata_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """--date/--title/--source/--region: metadata that overrides what the file says."""
    f = click.option("--region", help="Region the article is about, e.g. 沧州经济开发区")(f)
    f = click.option("--source", help="Paper or site that published it, e.g. 沧州日报")(f)
    f = click.option("--title", help="Article title")(f)
    f = click.option("--date", "published", type=click.DateTime(["%Y-%m-%d"]), help="Publication date, YYYY-MM-DD")(f)
    return f


def overrides(published: datetime | None, title: str | None, source: str | None, region: str | None) -> Overrides:
    day = published.date() if published is not None else None   # click.DateTime gives a datetime
    return Overrides(date=day, title=title, source=source, region=region)


def fail(path: Path, reason: str) -> None:
    """The one-line error for a file that cannot be used."""
    from ingest.limits import printable

    click.echo(f"zone: {printable(path)}: {printable(reason)}", err=True)


max_size_option = click.option("--max-size", "max_mb", type=click.FloatRange(0.001, 1024), default=5, show_default=True,
                               help="Largest article file to read, in MB")


def read_checked(path: Path, meta: Overrides, max_mb: float) -> Article:
    """Read one article within zone's limits (ingest/limits.py); ArticleError says why not."""
    from ingest.pipeline import read_within_limits

    return read_within_limits(path, meta, int(max_mb * 1024 * 1024))


class ZoneGroup(click.Group):
    """The command group; a database zone cannot use is one line, not a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        from ingest.store import SchemaError

        try:
            return super().invoke(ctx)
        except SchemaError as e:
            click.echo(f"zone: {e}", err=True)
            sys.exit(1)


@click.group(cls=ZoneGroup)
@click.version_option(package_name="zone")
def cli() -> None:
    """Track regional-development indicators published in Chinese news articles.

    Ingest article files into SQLite, browse the figures in Datasette, write PDF briefs.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@db_option
@metadata_options
@click.option("--force", is_flag=True, help="Re-extract articles even when file and rules are unchanged")
@max_size_option
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes that read, extract and link articles (one writer saves them, in input order)")
def ingest(paths: tuple[Path, ...], db_path: Path, published: datetime | None, title: str | None, source: str | None,
           region: str | None, force: bool, max_mb: float, jobs: int) -> None:
    """Load article files (or folders of them) into the database.

    Each article goes in whole or not at all. The same article again adds nothing; a
    changed version replaces that article's figures. Prints one line per article once it
    is committed.
    """
    from ingest.pipeline import Writer, article_paths, prepared_articles, stored_unchanged

    files = list(article_paths(paths))
    unchanged = frozenset() if force else stored_unchanged(db_path)
    writer = Writer(db_path, lambda line, error: click.echo(f"zone: {line}" if error else line, err=error), force,
                    to_write=len(files) - len(unchanged))
    done = False
    try:
        with click.progressbar(prepared_articles(files, overrides(published, title, source, region),
                                                 int(max_mb * 1024 * 1024), unchanged, jobs),
                               length=len(files), label="Ingesting", file=sys.stderr,
                               hidden=len(files) < 10 or not sys.stderr.isatty()) as bar:
            for prepared in bar:
                writer.save(prepared)
        done = True
    finally:
        writer.close(commit=done)
    if writer.failed:
        sys.exit(1)


@cli.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one figure per line (with why_kind, why_period)")
@click.option("--explain", is_flag=True, help="For each figure, the rule and words behind its kind and period")
@metadata_options
@max_size_option
def extract(path: Path, as_json: bool, explain: bool, published: datetime | None, title: str | None, source: str | None,
            region: str | None, max_mb: float) -> None:
    """Print the figures of one article, touching no database.

    --explain shows, under each figure, which rule gave its kind and its period and the
    words that decided (“own time phrase (over): 2021年”, “change: 同比增长”)."""
    from ingest.pipeline import figures_of

    try:
        article = read_checked(path, overrides(published, title, source, region), max_mb)
        figures = figures_of(article)
    except ArticleError as e:
        fail(path, str(e))
        sys.exit(1)
    except Exception as e:  # a bug: one line naming the file, not a traceback
        fail(path, f"internal error: {e.__class__.__name__}: {e}")
        sys.exit(1)
    for figure in figures:
        if as_json:
            click.echo(json.dumps(figure.as_json(), ensure_ascii=False))
        elif explain:
            period = "/".join(p for p in (figure.period_start, figure.period_end) if p) or "-"
            click.echo(f"{figure.text}  [{figure.start}:{figure.end}]  {figure.value:.15g} {figure.unit}  {figure.subject}\n"
                       f"    kind   {figure.kind:<7} {figure.why_kind}\n"
                       f"    period {period:<21} {figure.why_period}")
        else:
            period = "/".join(p for p in (figure.period_start, figure.period_end) if p) or "-"
            click.echo(f"{figure.text}\t{figure.value:g} {figure.unit}\t{figure.qualifier}\t{figure.kind}\t"
                       f"{period}\t{figure.subject}")


@cli.command()
@db_option
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True, help="Port to listen on")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on")
def serve(db_path: Path, port: int, host: str) -> None:
    """Browse the database in Datasette, read-only, with canned queries.

    Prints the URL, then serves until Ctrl-C. Ingesting meanwhile is safe: new articles
    show up on the next page load.
    """
    from browse.serve import DatabaseInfo, ServeError
    from browse.serve import serve as run_server

    def announce(info: DatabaseInfo, url: str) -> None:
        click.echo(url)
        click.echo(f"zone: serving {db_path} read-only: {info.articles} articles, {info.figures} figures "
                   "(Ctrl-C to stop)", err=True)

    try:
        run_server(db_path, host=host, port=port, on_ready=announce)
    except ServeError as e:
        click.echo(f"zone: {e}", err=True)
        sys.exit(1)


@cli.command()
@db_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="PDF file to write")
@click.option("--region", help="Zone (or city: with the regions inside it) by name, English name or alias  "
                               "[default: the region with most figures]")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of the brief (quotes from the sources stay Chinese)")
@click.option("--since", metavar="YYYY-MM-DD", help="Change brief: what articles published since this day add or change")
@click.option("--since-article", metavar="ID", help="Change brief: what this article (id or source id) and later ones add or change")
@click.option("--indicator", metavar="ID", help="Indicator brief: one indicator (id or name) across regions and years")
def brief(db_path: Path, output: Path, region: str | None, lang: str, since: str | None, since_article: str | None,
          indicator: str | None) -> None:
    """Write a PDF brief: on a zone (default), on what changed (--since, --since-article), or on
    one indicator (--indicator). Every figure is traced to its source and sentence."""
    from reports.fonts import NoCJKFont
    from reports.queries import BriefError
    from reports.render import BriefRequest, write_brief_file

    request = BriefRequest(region=region, lang=lang, since=since, since_article=since_article, indicator=indicator)
    try:
        result = write_brief_file(db_path, output, request=request)
    except (NoCJKFont, BriefError) as e:
        click.echo(f"zone: brief: {e}", err=True)
        sys.exit(1)
    click.echo(f"{result.path}: {result.pages} pages, {result.figures} figures from {result.articles} "
               f"article{'s' if result.articles != 1 else ''} "
               f"on {result.zone}, rendered in {result.seconds:.2f} s")


def _open_existing(db_path: Path) -> sqlite3.Connection:
    """The database, which must exist: reviewing or reading series of nothing is a mistake."""
    from ingest.store import open_db

    if not db_path.exists():
        click.echo(f"zone: {db_path}: no such database (build it with `zone ingest`)", err=True)
        sys.exit(1)
    return open_db(db_path)


def _period(start: str | None, end: str | None) -> str:
    if start and end and start != end:
        return f"{start}..{end}"
    return start or end or "-"


@cli.group(invoke_without_command=True)
@db_option
@click.option("--limit", type=click.IntRange(1), default=100, show_default=True, help="Figures to list at most")
@click.option("--orphaned", is_flag=True, help="List reviews whose figure no longer exists instead")
@click.pass_context
def review(ctx: click.Context, db_path: Path, limit: int, orphaned: bool) -> None:
    """List figures that need a person (unlinked, uncertain, conflicting), or record a decision.

    Decisions are kept apart from extraction, keyed on the figure's stable key, and
    survive re-ingesting: accept, reject, relink FIGURE INDICATOR, correct, prefer. A review
    whose sentence changed in a re-published article moves to the one figure with the same
    text and value; one that cannot move is listed by --orphaned.
    """
    ctx.obj = db_path
    if ctx.invoked_subcommand is not None:
        return
    from track.review import queue
    from track.table import clip, human, render

    conn = _open_existing(db_path)
    if orphaned:
        from ingest.store import orphaned_reviews

        lost = orphaned_reviews(conn)
        conn.close()
        click.echo(render(["review", "action", "figure key", "article", "reviewed", "note"],
                          [[r["review_id"], r["action"], clip(r["fkey"], 40), clip(r["title"] or "-", 24),
                            r["reviewed_at"][:10], clip(r["note"] or "", 30)] for r in lost[:limit]])
                   if lost else "no orphaned reviews")
        return
    rows = queue(conn)
    conn.close()
    if not rows:
        click.echo("nothing to review")
        return
    # Last column: why the figure linked, or what almost matched (the linker's evidence).
    click.echo(render(["id", "text", "value unit", "indicator", "reason", "subject", "sentence", "why"],
                      [[r["figure_id"], clip(r["text"], 14), human(r["value"], r["unit"]), r["indicator_id"] or "-",
                        clip(r["reason"], 40), clip(r["subject"] or "", 24), clip(r["sentence"], 50),
                        clip(r["link_evidence"] or "-", 300)]
                       for r in rows[:limit]]))
    if len(rows) > limit:
        click.echo(f"... {len(rows) - limit} more (--limit)")


def _record(ctx: click.Context, db_path: Path | None, figure: str, action: str, **fields: Any) -> None:
    # fields: the command's options by name (indicator, value, period_start, period_end, note), as record() takes them
    from ingest.catalog import apply_catalog
    from track.review import ReviewError, record

    path = db_path or ctx.obj or DEFAULT_DB
    conn = _open_existing(path)
    try:
        if action == "relink":
            apply_catalog(conn)
        target = record(conn, figure, action, **fields)
    except ReviewError as e:
        click.echo(f"zone: review: {e}", err=True)
        sys.exit(1)
    finally:
        conn.close()
    click.echo(f"{action}: figure {target.figure_id} ({target.fkey})")


review_db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                                help="SQLite database file  [default: zone.db]")
note_option = click.option("--note", help="Why: kept with the decision")


def _decision(action: str, doc: str, extra: tuple[Callable[[Any], Any], ...] = ()) -> None:
    """Register `zone review ACTION FIGURE [...]`: one command per decision, all recorded by
    track.review.record with the options the decision takes."""

    @click.pass_context
    def command(ctx: click.Context, figure: str, note: str | None, db_path: Path | None, **fields: Any) -> None:
        _record(ctx, db_path, figure, action, note=note, **fields)

    command.__doc__ = doc
    for decorate in (review_db_option, note_option, *reversed(extra), click.argument("figure")):
        command = decorate(command)
    review.command(action)(command)


_decision("accept", "Confirm FIGURE (an id from `zone review`, or a figure key) as extracted and linked.")
_decision("reject", "Hide FIGURE: not a figure, or not worth tracking.")
_decision("relink", "Link FIGURE to INDICATOR (a catalog id, see ingest/indicators.yaml).",
          (click.argument("indicator"),))
_decision("correct", "Correct FIGURE's value or period; fields not given keep earlier corrections.",
          (click.option("--value", type=float, help="Value in base units (32.21亿元 -> 3221000000)"),
           click.option("--period-start", help="YYYY-MM-DD"), click.option("--period-end", help="YYYY-MM-DD")))
_decision("prefer", "Prefer FIGURE over conflicting figures for the same indicator, region and period.")


@review.command("propose")
@click.argument("figure")
@click.option("--measure", required=True, help="What is measured: id, Chinese name or word (profit, 利润总额)")
@click.option("--scope", help="Part of the economy: id, name or word (auto, 汽车制造业)")
@click.option("--class", "classes", multiple=True, help="Kind of unit (above_scale, 规模以上); repeatable")
@click.option("--stage", "stages", multiple=True, help="Stage of projects (signed, 签约); repeatable")
@click.option("--form", help="share, pull, contribution or added (占比, 拉动, 贡献率, 新增)")
@click.option("--currency", help="元 or 美元, for a measure reported in both")
@click.option("--id", "ident", help="Indicator id  [default: composed from the dimensions]")
@click.option("--name", help="Chinese name  [default: composed]")
@click.option("--name-en", help="English name  [default: composed]")
@click.option("--source", help="Where its definition or wording comes from (needed for a new indicator)")
@click.option("--new-scope", metavar="ID", help="A new scope for it (the dimensions lack it), with --scope-name, "
                                               "--scope-name-en, --scope-word, --scope-parent")
@click.option("--scope-name", help="The new scope's Chinese name (氢能产业)")
@click.option("--scope-name-en", help="The new scope's English name")
@click.option("--scope-word", "scope_words", multiple=True, help="A word that names it  [default: its name]; repeatable")
@click.option("--scope-parent", help="The scope that contains it (new_energy, 新能源)")
@note_option
@review_db_option
@click.pass_context
def propose(ctx: click.Context, figure: str, db_path: Path | None, new_scope: str | None, scope_name: str | None,
            scope_name_en: str | None, scope_words: tuple[str, ...], scope_parent: str | None, **fields: Any) -> None:
    """Link FIGURE to the combination of dimensions given; a combination the catalog lacks becomes
    an indicator in ingest/reviewed.yaml (with a new scope, if given), which every later ingest links to."""
    from ingest.catalog.propose import NewScope, Proposal
    from track.review import ReviewError
    from track.review import propose as propose_indicator

    fields["classes"], fields["stages"] = tuple(fields["classes"]), tuple(fields["stages"])
    if new_scope is not None:
        if not scope_name or not scope_name_en:
            click.echo("zone: review: --new-scope needs --scope-name and --scope-name-en", err=True)
            sys.exit(1)
        fields["new_scope"] = NewScope(new_scope, scope_name, scope_name_en, scope_words, scope_parent)
    conn = _open_existing(db_path or ctx.obj or DEFAULT_DB)
    try:
        done = propose_indicator(conn, figure, Proposal(**fields))
    except ReviewError as e:
        click.echo(f"zone: review: {e}", err=True)
        sys.exit(1)
    finally:
        conn.close()
    click.echo(f"relink: figure {done.target.figure_id} -> {done.indicator} {done.name}"
               + (" (new indicator in ingest/reviewed.yaml)" if done.new else " (already in the catalog)"))


@cli.command("series")
@click.argument("indicator")
@click.option("--region", help="Region by name or alias, e.g. 沧州开发区  [default: all regions]")
@click.option("--all", "all_points", is_flag=True, help="Show every point, not only the preferred one per period")
@db_option
def series_command(indicator: str, region: str | None, all_points: bool, db_path: Path) -> None:
    """Print an indicator's series (id or Chinese name): value, period and source of each point."""
    from track.series import SeriesError, series
    from track.table import clip, human, render

    conn = _open_existing(db_path)
    try:
        rows = series(conn, indicator, region, all_points=all_points)
    except SeriesError as e:
        click.echo(f"zone: series: {e}", err=True)
        sys.exit(1)
    finally:
        conn.close()
    if not rows:
        click.echo(f"no figures for {indicator}" + (f" in {region}" if region else ""))
        return
    click.echo(f"{rows[0]['indicator_name']} ({rows[0]['indicator']})")
    click.echo(render(
        ["period", "window", "value", "kind", "region", "source", "flags"],
        [[_period(r["period_start"], r["period_end"]), r["window"] or "-",
          ("-" if r["kind"] == "change" and r["direction"] == "down" else "")
          + human(r["value"], r["unit"], digits=4 if r["origin"] == "derived" else 6),
          r["kind"], r["region"] or "-",
          clip(f"{r['paper'] or ''} {r['published']} {r['title']}", 56),
          ", ".join(f for f, on in (("derived", r["origin"] == "derived"), ("conflict", r["conflict"]),
                                    (f"written {r['text']}", r["written_unit"] != r["unit"]),
                                    (f"#{r['figure_id']}", True)) if on)]
         for r in rows]))
