"""The PDF brief: a hand-made database in, a real PDF out, checked with poppler and pypdf.

The articles below are written for these tests (not copied from any paper). They cover
several sectors, a share, changes up and down, a target, a figure repeated by a second
article, and a sentence whose text looks like HTML.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from common.formatting import format_period
from ingest.model import Article, Figure
from ingest.store import open_db, save_article
from reports import fonts as fonts_module
from reports.brief import make_brief
from reports.document import format_amount
from reports.queries import BriefError, FigureFact, zone_name_from_titles
from reports.render import AssetFetcher, RefusedURL, render_html, write_brief
from reports.zone_facts import load_zone

ZONE = "沧州经济开发区"
HOSTILE = '<img src="http://127.0.0.1:9/x">'
HOSTILE_LINK = '<link rel="stylesheet" href="file:///etc/passwd">'

ARTICLE_1 = f"""2022年08月10日
第08版:08

{ZONE}:园区产业稳步壮大

装备制造提质增效
2021年,该区装备制造业实现产值32.21亿元,占全区规上工业总产值的20%。
今年以来,新签约项目约15个,总投资超过80亿元。

医药产业
截至目前,区内医药企业21家,营业收入同比增长12.5%。
到2025年,力争医药产业产值达到100亿元以上。

生态环境
2021年,区内PM2.5平均浓度同比下降8.3%。
读者留言写道{HOSTILE}{HOSTILE_LINK},园区新增绿地3000平方米。
"""

ARTICLE_2 = f"""2022年03月01日
第03版:要闻

{ZONE}去年装备制造业再上台阶

装备制造
2021年,装备制造业产值达到32.21亿元。
"""


def _figure(source: str, sentence: str, text: str, **fields: Any) -> Figure:
    s_start = source.index(sentence)
    start = source.index(text, s_start)
    assert start + len(text) <= s_start + len(sentence), (text, sentence)
    return Figure(start=start, end=start + len(text), text=text, sentence=sentence,
                  sentence_start=s_start, sentence_end=s_start + len(sentence), **fields)


def _article(source: str, **fields: Any) -> Article:
    return Article(path=f"{fields['source_id']}.txt", source=source, encoding="utf-8",
                   sha256=hashlib.sha256(source.encode()).hexdigest(), format="epaper-text", **fields)


def article_1() -> tuple[Article, list[Figure]]:
    a = _article(ARTICLE_1, published=date(2022, 8, 10), title=f"{ZONE}:园区产业稳步壮大",
                 source_id="沧州日报/content_90001", paper="沧州日报", edition="第08版:08",
                 page="content_90001.html", region=ZONE)
    s1 = "2021年,该区装备制造业实现产值32.21亿元,占全区规上工业总产值的20%。"
    s2 = "今年以来,新签约项目约15个,总投资超过80亿元。"
    s3 = "截至目前,区内医药企业21家,营业收入同比增长12.5%。"
    s4 = "到2025年,力争医药产业产值达到100亿元以上。"
    s5 = "2021年,区内PM2.5平均浓度同比下降8.3%。"
    s6 = f"读者留言写道{HOSTILE}{HOSTILE_LINK},园区新增绿地3000平方米。"
    year = dict(period_start="2021-01-01", period_end="2021-12-31", period_label="2021年")
    ytd = dict(period_start="2022-01-01", period_end="2022-08-10", period_label="今年以来")
    now = dict(period_start="2022-08-10", period_end="2022-08-10", period_label="截至目前")
    figures = [
        _figure(ARTICLE_1, s1, "32.21亿元", value=3221000000, unit="元", subject="装备制造业产值",
                sector="高端装备", section="装备制造提质增效", paragraph=1, **year),
        _figure(ARTICLE_1, s1, "20%", value=20, unit="%", kind="share", subject="装备制造业产值占规上工业总产值比重",
                sector="高端装备", section="装备制造提质增效", paragraph=1, **year),
        _figure(ARTICLE_1, s2, "约15个", value=15, unit="个", qualifier="approx", subject="新签约项目数",
                sector="招商引资", section="装备制造提质增效", paragraph=2, **ytd),
        _figure(ARTICLE_1, s2, "超过80亿元", value=8000000000, unit="元", qualifier="more_than",
                subject="新签约项目总投资", sector="招商引资", section="装备制造提质增效", paragraph=2, **ytd),
        _figure(ARTICLE_1, s3, "21家", value=21, unit="家", subject="医药企业数", sector="生物医药",
                section="医药产业", paragraph=3, **now),
        _figure(ARTICLE_1, s3, "12.5%", value=12.5, unit="%", kind="change", direction="up",
                subject="医药企业营业收入增速", sector="生物医药", section="医药产业", paragraph=3, **ytd),
        _figure(ARTICLE_1, s4, "100亿元以上", value=10000000000, unit="元", qualifier="at_least", kind="target",
                subject="医药产业产值目标", sector="生物医药", section="医药产业", paragraph=4,
                period_start="2025-01-01", period_end="2025-12-31", period_label="到2025年"),
        _figure(ARTICLE_1, s5, "8.3%", value=8.3, unit="%", kind="change", direction="down",
                subject="PM2.5平均浓度变化", sector="生态环境", section="生态环境", paragraph=5, **year),
        _figure(ARTICLE_1, s6, "3000平方米", value=3000, unit="平方米", subject="新增绿地面积",
                sector="生态环境", section="生态环境", paragraph=6, **now),
    ]
    return a, figures


def article_2() -> tuple[Article, list[Figure]]:
    a = _article(ARTICLE_2, published=date(2022, 3, 1), title=f"{ZONE}去年装备制造业再上台阶",
                 source_id="河北经济报/2022-03-01-a3", paper="河北经济报", edition="第03版:要闻", region=ZONE)
    s = "2021年,装备制造业产值达到32.21亿元。"
    return a, [_figure(ARTICLE_2, s, "32.21亿元", value=3221000000, unit="元", subject="装备制造业产值",
                       sector="高端装备", section="装备制造", paragraph=1, period_start="2021-01-01",
                       period_end="2021-12-31", period_label="2021年")]


def build_db(path: Path) -> Path:
    conn = open_db(path)
    for article, figures in (article_1(), article_2()):
        save_article(conn, article, figures, "test")
    conn.close()
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build_db(tmp_path / "zone.db")


def _conn(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


# ---------------------------------------------------------------- data layer

def test_zone_facts_scope_sources_and_sentence_split(db: Path) -> None:
    facts = load_zone(_conn(db))
    assert facts.region.name == ZONE
    assert facts.as_of == "2022-08-10"
    assert [a.paper for a in facts.articles] == ["沧州日报", "河北经济报"]   # newest first
    assert len(facts.figures) == 10
    share = next(f for f in facts.figures if f.text == "20%")
    assert (share.before, share.marked) == ("2021年,该区装备制造业实现产值32.21亿元,占全区规上工业总产值的", "20%")


def test_rejected_figures_leave_the_brief(db: Path) -> None:
    conn = _conn(db)
    fkey = conn.execute("SELECT fkey FROM figure WHERE text = '21家'").fetchone()[0]
    conn.execute("INSERT INTO review (fkey, action, reviewed_at) VALUES (?, 'reject', '2022-09-01T00:00:00')", (fkey,))
    assert "21家" not in {f.text for f in load_zone(conn).figures}
    # A later decision overrides the rejection.
    conn.execute("INSERT INTO review (fkey, action, reviewed_at) VALUES (?, 'accept', '2022-09-02T00:00:00')", (fkey,))
    assert "21家" in {f.text for f in load_zone(conn).figures}


def test_region_by_alias_and_by_titles_when_no_region_is_stored(db: Path, tmp_path: Path) -> None:
    conn = _conn(db)
    conn.execute("""UPDATE region SET aliases = '["沧州开发区"]' WHERE name = ?""", (ZONE,))
    conn.commit()
    assert load_zone(conn, "沧州开发区").region.name == ZONE
    bare = open_db(tmp_path / "bare.db")
    article, figures = article_1()
    article.region = None
    save_article(bare, article, figures, "test")
    facts = load_zone(bare)
    assert facts.region.id is None and facts.region.name == ZONE and len(facts.figures) == 9


def test_unknown_region_and_empty_database(db: Path, tmp_path: Path) -> None:
    with pytest.raises(BriefError, match="no region named"):
        load_zone(_conn(db), "不存在新区")
    empty = open_db(tmp_path / "empty.db")
    with pytest.raises(BriefError, match="no figures"):
        load_zone(empty)


def test_zone_name_from_titles_when_regions_are_missing() -> None:
    assert zone_name_from_titles(["沧州经济开发区:打造投资兴业热土", "沧州经济开发区再上台阶", "一篇别的报道"]) == ZONE
    assert zone_name_from_titles(["市里开了一个会"]) is None


def test_brief_groups_sectors_dedups_repeated_figures_and_lists_targets_apart(db: Path) -> None:
    brief = make_brief(_conn(db), today=date(2022, 9, 1))
    sectors = [s for s in brief.sections if s.kind == "sector"]
    # The catalog's sectors in its order; the extractor's 高端装备 is the catalog's 装备制造.
    assert [s.title for s in sectors] == ["招商引资", "装备制造", "生物医药", "生态环境"]
    equipment = sectors[1].data
    output = next(r for r in equipment.rows if r.value == "32.21亿元")
    assert output.sources == (1, 2)                     # the same figure from both articles: one row
    assert output.value == "32.21亿元" and output.period == "2021年"
    pharma = sectors[2].data
    assert pharma.targets == [] and "不少于100亿元" not in {r.value for r in pharma.rows}
    targets = next(s for s in brief.sections if s.kind == "targets").data.rows
    assert [(r.label, r.value, r.horizon, r.sources) for r in targets] == [
        ("医药产业产值目标", "不少于100亿元", "2025年", (1,))]
    assert targets[0].latest_value is None         # the figures are not linked to an indicator
    change = next(r for r in pharma.rows if r.kind == "change")
    assert change.arrow == "↑" and change.period == "2022年1月1日–8月10日" and change.period_label == "今年以来"
    pm = sectors[3].data.rows[0]
    assert pm.arrow == "↓" and "下降" in pm.tags
    # No indicator, so no series: no section and no entry in the contents, rather than "(0)".
    assert [s.kind for s in brief.sections[-3:]] == ["targets", "sources", "evidence"]
    assert "series" not in {s.kind for s in brief.sections} and "series" not in {e.anchor for e in brief.toc}
    assert brief.n_figures == 10 and brief.n_articles == 2 and brief.n_sectors == 4


@pytest.mark.parametrize("start,end,expected", [
    ("2021-01-01", "2021-12-31", "2021年"),
    ("2021-01-01", "2025-12-31", "2021–2025年"),
    ("2022-01-01", "2022-04-30", "2022年1–4月"),
    ("2022-07-01", "2022-07-31", "2022年7月"),
    ("2022-01-01", "2022-08-10", "2022年1月1日–8月10日"),
    ("2021-03-01", "2022-08-10", "2021年3月1日–2022年8月10日"),
    ("2022-08-10", "2022-08-10", "截至2022年8月10日"),
    (None, "2022-08-10", "截至2022年8月10日"),
    ("2022-08-10", None, "2022年8月10日起"),
    (None, None, "未注明"),
])
def test_format_period(start: str | None, end: str | None, expected: str) -> None:
    assert format_period(start, end, "zh") == expected


@pytest.mark.parametrize("start,end,expected", [
    ("2021-01-01", "2021-12-31", "2021"),
    ("2022-01-01", "2022-04-30", "Jan–Apr 2022"),
    ("2022-07-01", "2022-07-31", "Jul 2022"),
    ("2022-01-01", "2022-08-10", "1 Jan–10 Aug 2022"),
    ("2022-08-10", "2022-08-10", "as of 10 Aug 2022"),
])
def test_format_period_in_english(start: str | None, end: str | None, expected: str) -> None:
    assert format_period(start, end, "en") == expected


def test_qualifier_words() -> None:
    base = dict(id=1, fkey="k", article_id=1, seq=1, origin="reported", text="x", value_max=None,
                kind="level", direction=None, period_start=None, period_end=None, period_label=None,
                subject="s", sector="", section=None, paragraph=1, sentence="", indicator_id=None,
                indicator_name=None, indicator_name_en=None)
    def value(lang: str = "zh", **kw: Any) -> str:
        return format_amount(FigureFact(**{**base, **kw}), lang)  # type: ignore[arg-type]
    assert value(value=2e9, unit="元", qualifier="approx") == "约20亿元"
    assert value(value=50, unit="家", qualifier="more_than") == "超过50家"
    assert value(value=5, value_max=10, unit="年", qualifier="range") == "5–10年"
    assert value(value=1e11, unit="元", qualifier="order_of_magnitude") == "1000亿元量级"
    assert value(value=20, unit="%", qualifier="exact") == "20%"
    assert value(value=16105000000, unit="元", qualifier="approx", origin="derived") == "约161.1亿元"
    assert value("en", value=2e9, unit="元", qualifier="approx") == "about 2 billion yuan"
    assert value("en", value=50, unit="家", qualifier="more_than") == "over 50 firms"


# ---------------------------------------------------------------- HTML safety

def test_article_text_is_escaped_in_html(db: Path) -> None:
    html = render_html(make_brief(_conn(db)))
    assert HOSTILE not in html and HOSTILE_LINK not in html
    assert "&lt;img src=&#34;http://127.0.0.1:9/x&#34;&gt;" in html
    assert html.count("<link ") == 1                    # only the brief's own stylesheet


def test_evidence_marks_every_figure_of_a_sentence_and_links_resolve(db: Path) -> None:
    brief = make_brief(_conn(db))
    evidence = next(s for s in brief.sections if s.kind == "evidence").data
    first = evidence[0].items[0]
    assert first.numbers == (1, 2)
    assert [(seg.text, seg.number) for seg in first.segments] == [
        ("2021年,该区装备制造业实现产值", None), ("32.21亿元", 1), (",占全区规上工业总产值的", None),
        ("20%", 2), ("。", None)]
    html = render_html(brief)
    assert '<mark id="fig-1">32.21亿元</mark>' in html
    targets = set(re.findall(r'id="([^"]+)"', html))
    links = set(re.findall(r'href="#([^"]+)"', html))
    assert links and links <= targets
    assert {f"fig-{n}" for n in range(1, 11)} <= targets     # every figure is traceable


def test_fetcher_serves_only_static_assets(tmp_path: Path) -> None:
    fetcher = AssetFetcher()
    css = fetcher.fetch((Path(__file__).resolve().parent.parent / "reports/static/brief.css").as_uri())
    assert b"@page" in css.read()
    for url in ("file:///etc/passwd", "http://127.0.0.1:9/x", "https://example.org/a.css",
                "data:text/css,body{}", (Path(__file__).resolve().parent.parent / "reports/static/../fonts.py").as_uri()):
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)


# ---------------------------------------------------------------- the PDF itself

needs_poppler = pytest.mark.skipif(not all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdftoppm")),
                                   reason="poppler-utils not installed")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, AssetFetcher, Any]:
    tmp = tmp_path_factory.mktemp("brief")
    db = build_db(tmp / "zone.db")
    fetcher = AssetFetcher()
    result = write_brief(_conn(db), tmp / "brief.pdf", fetcher=fetcher)
    return tmp / "brief.pdf", fetcher, result


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.slow
@needs_poppler
def test_pdf_text_has_zone_figures_and_sources(rendered: tuple[Path, AssetFetcher, Any]) -> None:
    pdf, _, result = rendered
    text = _text(pdf)
    assert ZONE in text and "经济发展指标简报" in text
    # One table row, one number: the value as Chinese statistics write it, period, both sources.
    assert re.search(r"F1\s+装备制造业产值\s+32\.21亿元\s+2021年\s+\[1\]\[2\]", text), text
    assert re.search(r"新签约项目数\s+约15个\s+2022年1月1日–", text), text
    assert re.search(r"F7\s+医药产业产值目标\s+不少于100亿元\[1\]\s+2025年", text), text
    assert "3,221,000,000" not in text.split("附录")[0]          # base units only in the appendix
    assert "3,221,000,000元" in text
    assert "指标走势" not in text                      # nothing to show: not in the body nor the contents
    assert re.search(r"↓ ?8\.3%\s+2021年", text)
    assert "沧州日报" in text and "2022-08-10" in text and "版面 第8版" in text and "沧州日报/content_90001" in text
    assert "河北经济报" in text and "2022-03-01" in text
    squeezed = "".join(text.split())                 # pdftotext spaces CJK text unevenly
    assert "第1页/共" not in squeezed                  # no footer on the title page
    assert f"第2页/共{result.pages}页" in squeezed and f"第{result.pages}页/共{result.pages}页" in squeezed
    # The hostile sentence is shown as text in the appendix.
    assert '<img src="http://127.0.0.1:9/x">' in text


@pytest.mark.slow
@needs_poppler
def test_untrusted_urls_are_never_fetched(rendered: tuple[Path, AssetFetcher, Any]) -> None:
    _, fetcher, _ = rendered
    assert any(url.endswith("/reports/static/brief.css") for url in fetcher.requested)
    assert not any("127.0.0.1" in url or "passwd" in url for url in fetcher.requested)


@pytest.mark.slow
@needs_poppler
def test_pdf_embeds_a_cjk_font(rendered: tuple[Path, AssetFetcher, Any]) -> None:
    pdf, _, _ = rendered
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:]]
    cjk = [r for r in rows if "CJK" in r[0] or "Noto" in r[0]]
    assert cjk, out
    # columns: name type [encoding...] emb sub uni object ID; emb is the fourth from the end
    assert all(r[-5] == "yes" for r in cjk), out


@pytest.mark.slow
@needs_poppler
def test_pdf_pages_render_and_are_not_blank(rendered: tuple[Path, AssetFetcher, Any], tmp_path: Path) -> None:
    pdf, _, result = rendered
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == result.pages >= 3
    from pypdf import PdfReader
    assert len(PdfReader(pdf).pages) == result.pages
    for png in pages:
        # A blank white page compresses to a few hundred bytes at 50 dpi; text makes it far larger.
        assert png.stat().st_size > 3000, png


# ---------------------------------------------------------------- command line

@pytest.mark.slow
def test_cli_writes_the_brief(db: Path, tmp_path: Path) -> None:
    from zone import cli
    out = tmp_path / "out" / "brief.pdf"
    result = CliRunner().invoke(cli, ["brief", "--db", str(db), "-o", str(out), "--region", ZONE])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF-")
    assert str(out) in result.output and "pages" in result.output


def test_cli_without_cjk_font_fails_and_writes_nothing(db: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from zone import cli
    monkeypatch.setattr(fonts_module, "list_cjk_fonts", lambda: [])
    out = tmp_path / "brief.pdf"
    result = CliRunner().invoke(cli, ["brief", "--db", str(db), "-o", str(out)])
    assert result.exit_code != 0
    assert "apt-get install fonts-noto-cjk" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not out.exists() and not list(tmp_path.glob("*.pdf"))


def test_cli_bad_database_is_one_line_error(tmp_path: Path) -> None:
    from zone import cli
    result = CliRunner().invoke(cli, ["brief", "--db", str(tmp_path / "missing.db"), "-o", str(tmp_path / "b.pdf")])
    assert result.exit_code != 0
    assert "missing.db" in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "missing.db").exists() and not (tmp_path / "b.pdf").exists()


# ---------------------------------------------------------------- a bounded brief

DEPOTS = 30          # subjects in one sector, more than a sector table lists


def depot_article(year: int) -> tuple[Article, list[Figure]]:
    """One yearly report of every depot's steel stock, in a sector of its own."""
    sentences = [f"第{i}号仓库现存放钢材{100 * i + year % 100}吨。" for i in range(1, DEPOTS + 1)]
    source = f"{year}年03月01日\n\n{ZONE}仓储物流年报\n\n" + "\n".join(sentences) + "\n"
    article = _article(source, published=date(year, 3, 1), title=f"{ZONE}仓储物流年报{year}",
                       source_id=f"物流周报/{year}", paper="物流周报", region=ZONE)
    day = f"{year}-03-01"
    figures = [_figure(source, s, f"{100 * i + year % 100}吨", value=100 * i + year % 100, unit="吨",
                       subject=f"第{i}号仓库钢材存量", sector="交通物流", paragraph=i,
                       period_start=day, period_end=day, period_label="现")
               for i, s in enumerate(sentences, 1)]
    return article, figures


@pytest.fixture
def depots(tmp_path: Path) -> Path:
    path = tmp_path / "depots.db"
    conn = open_db(path)
    for year in (2020, 2021, 2022):
        save_article(conn, *depot_article(year), "test")
    conn.close()
    return path


def test_sector_table_lists_the_latest_report_of_each_subject_and_counts_the_rest(depots: Path) -> None:
    from reports.queries import Limits
    facts = load_zone(_conn(depots))
    assert facts.n_figures == 3 * DEPOTS and facts.n_articles == 3
    brief = make_brief(_conn(depots))
    (sector,) = [s for s in brief.sections if s.kind == "sector"]
    rows = sector.data.rows
    cap = Limits().rows_per_sector
    assert len(rows) == cap < DEPOTS
    assert {r.sources for r in rows} == {(1,)}          # all from the newest article (2022)
    assert rows[0].value == "122吨" and rows[-1].value == f"{100 * cap + 22}吨"
    assert sector.data.more and f"另有 {3 * DEPOTS - cap} 条" in sector.data.more
    assert "figure_detail" in sector.data.more
    # Only the figures shown are numbered and quoted, and only their article is cited.
    evidence = next(s for s in brief.sections if s.kind == "evidence")
    assert evidence.count == cap
    assert [e.article.source_id for e in next(s for s in brief.sections if s.kind == "sources").data] == ["物流周报/2022"]
    assert (brief.n_figures, brief.n_articles) == (3 * DEPOTS, 3)   # the cover counts the database
    html = render_html(brief)
    assert set(re.findall(r'href="#([^"]+)"', html)) <= set(re.findall(r'id="([^"]+)"', html))
    assert "第29号仓库现存放钢材" not in html                  # a sentence of no figure shown


@pytest.mark.slow
@needs_poppler
def test_bounded_brief_pdf_states_how_many_more_figures_exist(depots: Path, tmp_path: Path) -> None:
    from reports.queries import Limits
    cap = Limits().rows_per_sector
    result = write_brief(_conn(depots), tmp_path / "depots.pdf")
    text = _text(tmp_path / "depots.pdf")
    assert len(re.findall(r"(?m)^\s*F\d+\s+第\d+号仓库钢材存量", text)) == cap
    squeezed = "".join(text.split())
    assert f"另有{3 * DEPOTS - cap}条数据未列出" in squeezed and "figure_detail表按领域" in squeezed
    assert result.figures == 3 * DEPOTS


def series_article(year: int, value: int, target_years: tuple[int, ...] = ()) -> tuple[Article, list[Figure]]:
    """A yearly review: signed projects of the year before, and targets for later years."""
    lines = [f"{year - 1}年,开发区全年签约项目{value}个。"]
    lines += [f"到{y}年,开发区力争签约项目达到{value + 10 * (y - year)}个。" for y in target_years]
    source = f"{year}年01月20日\n\n{ZONE}{year - 1}年招商综述\n\n" + "\n".join(lines) + "\n"
    article = _article(source, published=date(year, 1, 20), title=f"{ZONE}{year - 1}年招商综述",
                       source_id=f"招商周报/{year}", paper="招商周报", region=ZONE)
    figures = [_figure(source, lines[0], f"{value}个", value=value, unit="个", subject="签约项目数",
                       sector="招商引资", paragraph=1, indicator="signed_projects", region=ZONE,
                       period_start=f"{year - 1}-01-01", period_end=f"{year - 1}-12-31", period_label=f"{year - 1}年")]
    for i, y in enumerate(target_years, 2):
        text = f"{value + 10 * (y - year)}个"
        figures.append(_figure(source, lines[i - 1], text, value=value + 10 * (y - year), unit="个", kind="target",
                               subject="签约项目目标", sector="招商引资", paragraph=i, indicator="signed_projects",
                               region=ZONE, period_start=f"{y}-01-01", period_end=f"{y}-12-31", period_label=f"到{y}年"))
    return article, figures


def test_series_and_targets_are_capped_and_every_number_shown_is_sourced(tmp_path: Path) -> None:
    from ingest.catalog import apply_catalog
    from reports.brief import build_brief
    from reports.queries import Limits
    conn = open_db(tmp_path / "series.db")
    apply_catalog(conn)
    for k, year in enumerate(range(2011, 2023)):          # twelve years of one series
        save_article(conn, *series_article(year, 40 + 3 * k, (year + 3, year + 5) if year >= 2021 else ()), "test")
    conn.close()
    limits = Limits(series_periods=3, chart_periods=5, targets=2)
    facts = load_zone(_conn(tmp_path / "series.db"), limits=limits)
    brief = build_brief(facts, today=date(2023, 1, 1))
    (block,) = next(s for s in brief.sections if s.kind == "series").data.blocks
    assert [r.period for r in block.rows] == ["2019年", "2020年", "2021年"]     # the latest three
    assert len(block.chart.marks) == 5                                           # the chart draws five
    assert [m.label for m in block.chart.marks[:2]] == [None, None]              # unlabelled: not in the table
    assert block.change is not None and block.change.previous_period == "2020年"
    assert block.more and "共 12 个" in block.more and "zone series signed_projects" in block.more
    targets = next(s for s in brief.sections if s.kind == "targets").data
    assert [r.horizon for r in targets.rows] == ["2025年", "2027年"]             # the newest article's targets
    assert targets.rows[0].latest_period == "2021年" and targets.more and "另有 2 条" in targets.more
    # Every F-number and source the brief shows resolves to a quoted sentence and a source.
    html = render_html(brief)
    assert set(re.findall(r'href="#([^"]+)"', html)) <= set(re.findall(r'id="([^"]+)"', html))
    assert len(facts.figures) < 12 + 4


def test_shipped_database_draws_its_series_with_derived_points_named(tmp_path: Path) -> None:
    """The shipped zone.db: PM2.5 and the air-quality index each have a reported point and the
    year-earlier level derived from the reported change; both are charted, the caption says which
    point is derived, and the contents count only what is shown."""
    repo = Path(__file__).resolve().parent.parent
    conn = sqlite3.connect((repo / "zone.db").as_uri() + "?mode=ro", uri=True)
    brief = make_brief(conn, today=date(2022, 9, 1))
    series = next(s for s in brief.sections if s.kind == "series")
    names = [b.name for b in series.data.blocks]
    assert {"PM2.5平均浓度", "空气质量综合指数"} <= set(names)
    assert series.count == len(series.data.blocks)
    pm = next(b for b in series.data.blocks if b.name == "PM2.5平均浓度")
    assert [(m.derived, m.label) for m in pm.chart.marks] == [(True, "43"), (False, "34")]
    assert pm.caption and "2021年1月1日–8月10日" in pm.caption and "推算自 F" in pm.caption
    # The change is the reported −20.93%, not a rate recomputed from the rounded derived level.
    assert pm.change.pct == "−20.93%" and pm.change.delta == "−9微克/立方米"
    for section in brief.sections:
        shown = {"sector": lambda d: len(d.rows), "series": lambda d: len(d.blocks), "targets": lambda d: len(d.rows),
                 "keyfigures": len,
                 "sources": len, "evidence": lambda d: sum(len(i.numbers) for g in d for i in g.items)}
        assert section.count == shown[section.kind](section.data), section.kind
        assert section.count > 0
