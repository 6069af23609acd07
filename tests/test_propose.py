"""`zone review propose`: a reviewer's combination of dimensions becomes a catalog entry
(ingest/reviewed.yaml, checked on load), the figure is relinked, and the next ingest links
every figure with the same dimensions to it. Bad input is one line and writes nothing."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from ingest.catalog import CatalogError, catalog, load_catalog
from ingest.catalog import model as catalog_files
from ingest.catalog.propose import HEADER
from zone import cli

# Our own sentences: the profit of one industry, which the catalog does not compose.
ARTICLE_2021 = """---
title: 开发区2021年汽车产业运行情况
date: 2022-01-20
source: 开发区动态
region: 沧州经济开发区
---

2021年，开发区汽车产业实现利润总额5.2亿元，同比增长8.1%。
"""

ARTICLE_2022 = """---
title: 开发区2022年汽车产业运行情况
date: 2023-01-18
source: 开发区动态
region: 沧州经济开发区
---

2022年，开发区汽车产业完成利润总额6.3亿元。
"""

SOURCE = "统计年鉴 利润总额 by 国民经济行业分类 GB/T 4754-2017 C36"


@pytest.fixture
def reviewed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The reviewers' file in a temporary place, as committed (no entries yet)."""
    path = tmp_path / "catalog" / "reviewed.yaml"
    path.parent.mkdir()
    path.write_text(HEADER + "\nindicators: []\n", encoding="utf-8")
    monkeypatch.setattr(catalog_files, "REVIEWED_PATH", path)
    return path


@pytest.fixture
def db(tmp_path: Path, reviewed: Path) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a2021.md").write_text(ARTICLE_2021, encoding="utf-8")
    (articles / "a2022.md").write_text(ARTICLE_2022, encoding="utf-8")
    path = tmp_path / "zone.db"
    result = CliRunner().invoke(cli, ["ingest", str(articles), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _figure(db: Path, text: str) -> tuple[int, str | None]:
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT id, indicator_id FROM figure WHERE text = ?", (text,)).fetchone()
    return int(row[0]), row[1]


def _propose(db: Path, *args: str) -> object:
    return CliRunner().invoke(cli, ["review", "propose", *args, "--db", str(db)])


def test_a_proposed_key_becomes_an_entry_and_relinks_the_figure(db: Path, reviewed: Path):
    figure, linked = _figure(db, "5.2亿元")
    assert linked is None                       # profit of one industry: not in the catalog
    result = _propose(db, str(figure), "--measure", "利润总额", "--scope", "汽车制造业", "--source", SOURCE,
                      "--note", "the zone reports its industries' profit every year")
    assert result.exit_code == 0, result.output
    assert "auto_profit" in result.output and "new indicator" in result.output

    entry = yaml.safe_load(reviewed.read_text(encoding="utf-8"))["indicators"][0]
    assert (entry["id"], entry["measure"], entry["scope"], entry["source"]) == ("auto_profit", "profit", "auto", SOURCE)
    assert entry["note"].startswith("the zone reports")
    with sqlite3.connect(db) as conn:
        fkey = conn.execute("SELECT fkey FROM figure WHERE id = ?", (figure,)).fetchone()[0]
        assert entry["figure"] == fkey
        assert conn.execute("SELECT name, unit FROM indicator WHERE id = 'auto_profit'").fetchone() == ("汽车制造业利润总额", "元")
        assert conn.execute("SELECT indicator_id FROM figure_current WHERE id = ?", (figure,)).fetchone() == ("auto_profit",)
        assert conn.execute("SELECT action, indicator_id FROM review").fetchall() == [("relink", "auto_profit")]

    # Re-read: the catalog holds it, with its source, and links the same words anywhere.
    cat = catalog()
    assert cat.indicators["auto_profit"].source == SOURCE
    result = CliRunner().invoke(cli, ["ingest", str(db.parent / "articles"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert _figure(db, "6.3亿元")[1] == "auto_profit"          # the other article, on the next ingest
    assert _figure(db, "8.1%")[1] == "auto_profit"             # its growth: the same indicator, kind change


def test_a_key_the_catalog_has_is_relinked_and_nothing_is_written(db: Path, reviewed: Path):
    before = reviewed.read_bytes()
    figure, _ = _figure(db, "5.2亿元")
    result = _propose(db, str(figure), "--measure", "营收", "--scope", "高新技术产业")
    assert result.exit_code == 0, result.output
    assert "high_tech_industry_revenue" in result.output and "already in the catalog" in result.output
    assert reviewed.read_bytes() == before
    assert _figure(db, "5.2亿元")[0] == figure
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT indicator_id FROM figure_current WHERE id = ?", (figure,)).fetchone() == (
            "high_tech_industry_revenue",)


@pytest.mark.parametrize("args, message", [
    (["--measure", "利润", "--scope", "汽车", "--stage", "签约", "--source", SOURCE], "measure 'profit' takes no stage"),
    (["--measure", "毛利率", "--source", SOURCE], "unknown measure '毛利率'"),
    (["--measure", "profit", "--scope", "汽车产业链", "--source", SOURCE], "unknown scope '汽车产业链'"),
    (["--measure", "profit", "--scope", "auto"], "--source must say where"),
    (["--measure", "profit", "--scope", "auto", "--source", SOURCE, "--id", "Auto Profit"], "must be a lower-case slug"),
    (["--measure", "profit", "--scope", "auto", "--source", SOURCE, "--id", "gdp"], "'gdp' is already an indicator"),
    (["--measure", "enterprises", "--class", "invention", "--source", SOURCE], "class 'invention' does not apply"),
    (["--measure", "profit", "--scope", "auto", "--source", SOURCE, "--form", "ratio"], "unknown form 'ratio'"),
])
def test_a_bad_proposal_is_one_line_and_writes_nothing(db: Path, reviewed: Path, args: list[str], message: str):
    before = reviewed.read_bytes()
    db_before = db.read_bytes()
    figure, _ = _figure(db, "5.2亿元")
    result = _propose(db, str(figure), *args)
    assert result.exit_code == 1
    assert message in result.output and result.output.count("\n") == 1
    assert reviewed.read_bytes() == before
    assert db.read_bytes() == db_before
    assert not [p for p in reviewed.parent.iterdir() if p.name != reviewed.name]    # no temporary file left


def test_an_unknown_figure_writes_nothing(db: Path, reviewed: Path):
    before = reviewed.read_bytes()
    result = _propose(db, "999999", "--measure", "profit", "--scope", "auto", "--source", SOURCE)
    assert result.exit_code == 1 and "no figure '999999'" in result.output
    assert reviewed.read_bytes() == before


def test_the_reviewed_file_is_checked_on_load(tmp_path: Path):
    path = tmp_path / "reviewed.yaml"
    path.write_text("indicators:\n  - {id: auto_profit, measure: profit, scope: auto}\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"reviewed\.yaml: indicators\[0\] \(auto_profit\): missing 'source'"):
        load_catalog(reviewed_path=path)
    path.write_text("indicators:\n  - {id: gdp, measure: profit, scope: auto, source: x}\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"reviewed\.yaml: indicators\[0\] \(gdp\): duplicate indicator id 'gdp'"):
        load_catalog(reviewed_path=path)
    path.write_text("rules: []\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"reviewed\.yaml: expected a mapping with only"):
        load_catalog(reviewed_path=path)


def test_a_reviewer_may_add_a_scope_in_the_form_of_dimensions_yaml(tmp_path: Path):
    path = tmp_path / "reviewed.yaml"
    path.write_text(
        "scopes:\n"
        "  - {id: hydrogen, name: 氢能产业, name_en: hydrogen, type: industry, parent: new_energy, words: [氢能产业],\n"
        "     source: 战略性新兴产业分类(2018) 6.4 氢能}\n"
        "indicators:\n"
        "  - {id: hydrogen_output, measure: output, scope: hydrogen, source: 战略性新兴产业分类(2018) 6.4 氢能}\n",
        encoding="utf-8")
    cat = load_catalog(reviewed_path=path)
    assert cat.indicators["hydrogen_output"].name == "氢能产业总产值"
    assert cat.scope_within("hydrogen", "new_energy")
    assert dict(cat._vocabulary["氢能产业"])["scope"] == "hydrogen"
    path.write_text("scopes:\n  - {id: hydrogen, name: 氢能, name_en: hydrogen, type: industry, words: [汽车], source: x}\n",
                    encoding="utf-8")
    with pytest.raises(CatalogError, match=r"reviewed\.yaml: scopes\[0\] \(hydrogen\): word '汽车' already names scope 'auto'"):
        load_catalog(reviewed_path=path)


def test_a_new_scope_is_proposed_with_its_indicator_and_links_on_the_next_ingest(db: Path, reviewed: Path):
    articles = db.parent / "articles"
    (articles / "h2021.md").write_text(ARTICLE_2021.replace("汽车产业实现利润总额5.2亿元，同比增长8.1%", "氢能产业实现产值12.4亿元"),
                                       encoding="utf-8")
    (articles / "h2022.md").write_text(ARTICLE_2022.replace("汽车产业完成利润总额6.3亿元", "氢能产业完成产值15.6亿元"),
                                       encoding="utf-8")
    assert CliRunner().invoke(cli, ["ingest", str(articles), "--db", str(db)]).exit_code == 0
    figure, linked = _figure(db, "12.4亿元")
    assert linked != "hydrogen_output"
    result = _propose(db, str(figure), "--measure", "产值", "--new-scope", "hydrogen", "--scope-name", "氢能产业",
                      "--scope-name-en", "hydrogen energy", "--scope-word", "氢能产业", "--scope-word", "氢能源",
                      "--scope-parent", "新能源", "--source", "战略性新兴产业分类(2018) 6 新能源产业 (氢能)")
    assert result.exit_code == 0, result.output
    assert "hydrogen_output" in result.output
    content = yaml.safe_load(reviewed.read_text(encoding="utf-8"))
    assert content["scopes"][0]["id"] == "hydrogen" and content["scopes"][0]["parent"] == "new_energy"
    assert content["scopes"][0]["type"] == "industry" and content["scopes"][0]["words"] == ["氢能产业", "氢能源"]
    assert not content.get("indicators")             # the industry families compose its output
    assert catalog().scope_within("hydrogen", "new_energy")
    assert CliRunner().invoke(cli, ["ingest", str(articles), "--db", str(db)]).exit_code == 0
    assert _figure(db, "15.6亿元")[1] == "hydrogen_output"


@pytest.mark.parametrize("args, message", [
    (["--new-scope", "hydrogen", "--scope-name", "氢能产业", "--source", SOURCE], "needs --scope-name and --scope-name-en"),
    (["--new-scope", "hydrogen", "--scope-name", "氢能产业", "--scope-name-en", "hydrogen"], "scope 'hydrogen' is new: --source"),
    (["--new-scope", "auto", "--scope-name", "汽车", "--scope-name-en", "cars", "--source", SOURCE], "duplicate id 'auto'"),
    (["--new-scope", "hydrogen", "--scope-name", "氢能", "--scope-name-en", "h2", "--scope-word", "汽车", "--source", SOURCE],
     "word '汽车' already names scope 'auto'"),
])
def test_a_bad_new_scope_is_one_line_and_writes_nothing(db: Path, reviewed: Path, args: list[str], message: str):
    before = reviewed.read_bytes()
    figure, _ = _figure(db, "5.2亿元")
    result = _propose(db, str(figure), "--measure", "产值", *args)
    assert result.exit_code == 1
    assert message in result.output and result.output.count("\n") == 1
    assert reviewed.read_bytes() == before
    assert not [p for p in reviewed.parent.iterdir() if p.name != reviewed.name]
