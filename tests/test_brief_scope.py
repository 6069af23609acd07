"""The zone brief chooses its figures over all the region's articles, not a window of the newest.

A database made by `zone ingest` from one old article (the only one to report the number of new
high-tech enterprises, for two years) and more newer articles than the brief's article window
(Limits.recent_articles), each reporting the zone's revenue: the old indicator still has its row
in the key figures, its series and its headline, and the cover still counts every article."""
from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reports.queries import Limits
from reports.render import BriefRequest, build
from zone import cli

ZONE = "沧州经济开发区"
NEWER = Limits().recent_articles + 5


def _article(folder: Path, name: str, day: date, title: str, body: str) -> None:
    (folder / f"{name}.md").write_text(
        f"---\ntitle: {title}\ndate: {day.isoformat()}\nsource: 沧州日报\nregion: {ZONE}\n---\n\n{body}\n",
        encoding="utf-8")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scope")
    articles = folder / "articles"
    articles.mkdir()
    _article(articles, "old", date(2017, 1, 20), f"{ZONE}2016年高新技术企业",
             "2016年，开发区新增高新技术企业36家。\n\n2015年，开发区新增高新技术企业30家。")
    for n in range(NEWER):
        day = date(2022, 1, 10) + timedelta(days=n)
        _article(articles, f"new-{n:03d}", day, f"{ZONE}营业收入（第{n + 1}期）",
                 "2021年，开发区实现营业收入505.6亿元。")
    path = folder / "zone.db"
    result = CliRunner().invoke(cli, ["ingest", str(articles), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _brief(db: Path, lang: str = "zh") -> Any:
    conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
    return build(conn, BriefRequest(region=ZONE, lang=lang))


def test_the_database_holds_more_articles_than_the_window(db: Path) -> None:
    brief = _brief(db)
    assert brief.n_articles == NEWER + 1 > Limits().recent_articles


def test_an_indicator_only_an_old_article_reports_keeps_its_row(db: Path) -> None:
    brief = _brief(db)
    rows = [r for s in brief.sections if s.kind == "sector" for r in s.data.rows]
    old = [r for r in rows if r.label == "新增高新技术企业数"]
    assert [(r.value, r.period) for r in old] == [("36家", "2016年")]        # its latest period
    sources = {e.number: e.article for s in brief.sections if s.kind == "sources" for e in s.data}
    assert [sources[n].published for n in old[0].sources] == ["2017-01-20"]
    # The newer articles' indicator is there too, from its newest report.
    assert any(r.label == "营业收入" and r.value == "505.6亿元" for r in rows)


def test_a_series_only_old_articles_report_is_charted(db: Path) -> None:
    brief = _brief(db)
    series = next(s for s in brief.sections if s.kind == "series").data.blocks
    block = next(b for b in series if b.name == "新增高新技术企业数")
    assert [r.period for r in block.rows] == ["2015年", "2016年"]
    assert block.chart.marks and block.change is not None and block.change.previous_period == "2015年"


def test_headline_figures_see_the_old_indicator_in_both_languages(db: Path) -> None:
    for lang, expected in (("zh", ("新增高新技术企业数", "36家", "2016年", "较2015年 +20.0%")),
                           ("en", ("Certified high-tech enterprises, newly added", "36 firms", "2016",
                                   "+20.0% on 2015"))):
        cards = next(s for s in _brief(db, lang).sections if s.kind == "keyfigures").data
        assert expected in [(c.label, c.value, c.period, c.change) for c in cards]
