"""Series, reviews, conflicts and derived figures over a database built by `zone ingest`."""
from __future__ import annotations

import json
import sqlite3
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.catalog import apply_catalog
from ingest.derive import derive_figures
from ingest.model import Figure
from ingest.reader import read_article
from ingest.store import open_db, save_article
from track.review import ReviewError, queue, record
from track.series import SeriesError, series
from zone import cli

# Our own sentences, two years of the same zone, in the front-matter format.
ARTICLE_2021 = """---
title: 沧州经济开发区2020年经济运行综述
date: 2021-01-25
source: 开发区动态
region: 沧州经济开发区
---

2020年，开发区全年签约项目48个，总投资212.5亿元。

全年完成固定资产投资86.2亿元，同比增长9.5%。

今年，开发区新建篮球场6个，改造农贸市场2处。
"""

ARTICLE_2022 = """---
title: 沧州经济开发区2021年经济运行综述
date: 2022-01-20
source: 开发区动态
region: 沧州经济开发区
---

2021年，开发区全年签约项目57个，总投资268.4亿元。

全年完成固定资产投资97.3亿元，同比增长12.9%。
"""

# A later article that states 2021 differently: a conflict with ARTICLE_2022.
ARTICLE_2022_REVISED = """---
title: 沧州经济开发区年度回顾
date: 2022-03-02
source: 沧州日报
region: 沧州经济开发区
---

2021年，开发区全年签约项目59个，总投资268.4亿元。
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def two_years(tmp_path: Path, db_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    write(folder, "2021-01-25_kfq.md", ARTICLE_2021)
    write(folder, "2022-01-20_kfq.md", ARTICLE_2022)
    run("ingest", str(folder), "--db", str(db_path))
    return folder


def points(db_path: Path, indicator: str, preferred_only: bool = True) -> list[tuple]:
    with sqlite3.connect(db_path) as c:
        return c.execute("SELECT period_end, value, origin FROM series WHERE indicator_id = ? AND kind = 'level' "
                         "AND (preferred OR NOT ?) ORDER BY period_end, origin", (indicator, preferred_only)).fetchall()


def queued(db_path: Path) -> set[str]:
    conn = open_db(db_path)
    try:
        return {r["fkey"] for r in queue(conn)}
    finally:
        conn.close()


def test_series_has_a_point_per_year(two_years: Path, db_path: Path):
    assert points(db_path, "signed_projects") == [("2020-12-31", 48, "reported"), ("2021-12-31", 57, "reported")]
    out = run("series", "signed_projects", "--region", "沧州经开区", "--db", str(db_path))
    assert "签约项目数" in out and "48个" in out and "57个" in out
    assert out.index("2020-01-01") < out.index("2021-01-01")
    assert "开发区动态 2021-01-25" in out
    # By Chinese name too; an unknown indicator is a one-line error.
    assert "57个" in run("series", "签约项目数", "--db", str(db_path))
    bad = CliRunner().invoke(cli, ["series", "no_such_thing", "--db", str(db_path)])
    assert bad.exit_code == 1 and "no indicator 'no_such_thing'" in bad.output


def test_change_and_level_give_the_year_before(two_years: Path, db_path: Path):
    fai = points(db_path, "fixed_asset_investment", preferred_only=False)
    derived = [p for p in fai if p[2] == "derived"]
    # Where a reported figure exists for the same period it is the preferred point.
    assert ("2020-12-31", 8.62e9, "reported") in points(db_path, "fixed_asset_investment")
    # 2021: 97.3亿元 up 12.9% -> 2020 about 86.18亿元; the 2020 article reported 86.2亿元 (within 5%).
    assert ("2020-12-31", 8.62e9, "reported") in fai
    assert len(derived) == 2
    by_year = {p[0]: p[1] for p in derived}
    assert by_year["2020-12-31"] == pytest.approx(9.73e9 / 1.129)
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT count(*) FROM derived_disagreement").fetchone() == (0,)
        sources = c.execute("SELECT s.text FROM figure d JOIN figure_source fs ON fs.figure_id = d.id "
                            "JOIN figure s ON s.id = fs.source_id WHERE d.origin = 'derived' AND d.period_end = "
                            "'2020-12-31' ORDER BY s.start").fetchall()
    assert sources == [("97.3亿元",), ("12.9%",)]


def test_review_survives_a_forced_reingest(two_years: Path, db_path: Path):
    listing = run("review", "--db", str(db_path))
    assert "6个" in listing and "unlinked" in listing
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT fkey FROM figure WHERE text = '6个'").fetchone()[0] in queued(db_path)
    with sqlite3.connect(db_path) as c:
        unlinked = c.execute("SELECT id, fkey FROM figure WHERE text = '6个'").fetchone()
        projects = c.execute("SELECT id, fkey FROM figure WHERE text = '48个'").fetchone()
        money = c.execute("SELECT id, fkey FROM figure WHERE text = '212.5亿元'").fetchone()
    run("review", "reject", str(unlinked[0]), "--note", "not tracked", "--db", str(db_path))
    run("review", "correct", str(projects[0]), "--value", "49", "--db", str(db_path))
    run("review", "correct", str(projects[0]), "--period-start", "2020-01-01", "--period-end", "2020-12-31",
        "--db", str(db_path))
    run("review", "relink", str(money[0]), "reserve_projects_investment", "--db", str(db_path))
    assert unlinked[1] not in queued(db_path)

    run("ingest", str(two_years), "--db", str(db_path), "--force")
    with sqlite3.connect(db_path) as c:
        new_ids = c.execute("SELECT id FROM figure WHERE fkey IN (?, ?)", (projects[1], money[1])).fetchall()
        assert {i for (i,) in new_ids}.isdisjoint({projects[0], money[0]})  # rows were re-created
        assert c.execute("SELECT count(*) FROM figure_current WHERE fkey = ?", (unlinked[1],)).fetchone() == (0,)
        assert c.execute("SELECT value, extracted_value FROM figure_current WHERE fkey = ?",
                         (projects[1],)).fetchone() == (49, 48)
        assert c.execute("SELECT indicator_id FROM figure_current WHERE fkey = ?",
                         (money[1],)).fetchone() == ("reserve_projects_investment",)
    assert points(db_path, "signed_projects")[0] == ("2020-12-31", 49, "reported")
    assert unlinked[1] not in queued(db_path)


def test_review_errors_are_one_line(two_years: Path, db_path: Path):
    for args, message in ((["review", "accept", "999999"], "no figure '999999'"),
                          (["review", "relink", "1", "no_such_indicator"], "no indicator 'no_such_indicator'"),
                          (["review", "correct", "1"], "correct needs"),
                          (["review", "correct", "1", "--period-start", "2021-13-01"], "must be a date")):
        result = CliRunner().invoke(cli, args + ["--db", str(db_path)])
        assert result.exit_code == 1, args
        assert message in result.output
    missing = CliRunner().invoke(cli, ["review", "--db", str(db_path.parent / "none.db")])
    assert missing.exit_code == 1 and "no such database" in missing.output
    assert not (db_path.parent / "none.db").exists()


def test_conflicting_articles_are_flagged_and_a_preference_wins(two_years: Path, db_path: Path, tmp_path: Path):
    revised = write(tmp_path, "2022-03-02_czrb.md", ARTICLE_2022_REVISED)
    run("ingest", str(revised), "--db", str(db_path))
    with sqlite3.connect(db_path) as c:
        rows = c.execute("SELECT value, preferred, published FROM conflict WHERE indicator_id = 'signed_projects' "
                         "ORDER BY published").fetchall()
        # The same total investment from both articles is no conflict.
        assert c.execute("SELECT count(*) FROM conflict WHERE indicator_id = 'signed_projects_investment'").fetchone() == (0,)
    assert rows == [(57, 0, "2022-01-20"), (59, 1, "2022-03-02")]   # the latest article is preferred
    assert points(db_path, "signed_projects")[-1] == ("2021-12-31", 59, "reported")
    conn = open_db(db_path)
    assert any(r["reason"] == "conflict" for r in queue(conn))
    older = conn.execute("SELECT figure_id FROM conflict WHERE value = 57").fetchone()[0]
    conn.close()
    run("review", "prefer", str(older), "--db", str(db_path))
    assert points(db_path, "signed_projects")[-1] == ("2021-12-31", 57, "reported")


def test_share_gives_the_whole_and_disagreement_is_flagged(tmp_path: Path, db_path: Path):
    text = ("---\ntitle: 开发区装备制造业\ndate: 2022-03-01\nregion: 沧州经济开发区\n---\n\n"
            "2021年装备制造产业实现产值45亿元，占全部规上工业企业总产值的25%。\n\n"
            "2021年开发区规上工业总产值150亿元。\n")
    path = write(tmp_path, "share.md", text)
    article = read_article(path)
    body = article.source
    sentence1 = "2021年装备制造产业实现产值45亿元，占全部规上工业企业总产值的25%。"
    sentence2 = "2021年开发区规上工业总产值150亿元。"
    s1, s2 = body.index(sentence1), body.index(sentence2)

    def fig(text: str, value: float, unit: str, kind: str, sentence: str, s: int, paragraph: int, indicator: str) -> Figure:
        start = body.index(text, s)
        return Figure(start=start, end=start + len(text), text=text, value=value, unit=unit, kind=kind,
                      period_start="2021-01-01", period_end="2021-12-31", paragraph=paragraph, sentence=sentence,
                      sentence_start=s, sentence_end=s + len(sentence), indicator=indicator, region="沧州经济开发区")

    figures = [fig("45亿元", 4.5e9, "元", "level", sentence1, s1, 1, "equipment_output"),
               fig("25%", 25, "%", "share", sentence1, s1, 1, "equipment_output_share"),
               fig("150亿元", 1.5e10, "元", "level", sentence2, s2, 2, "industrial_output")]
    conn = open_db(db_path)
    apply_catalog(conn)
    save_article(conn, article, figures, "test", after_save=derive_figures)
    derived = conn.execute("SELECT value, indicator_id, qualifier FROM figure WHERE origin = 'derived'").fetchall()
    assert derived == [(pytest.approx(1.8e10), "industrial_output", "approx")]
    # 150亿元 reported vs 180亿元 implied: more than 5% apart.
    flagged = conn.execute("SELECT reported_value, derived_value, difference_pct FROM derived_disagreement").fetchall()
    assert flagged == [(1.5e10, pytest.approx(1.8e10), -16.7)]
    assert any(r["reason"] == "disagrees with derived" for r in queue(conn))
    # Derived figures are recomputed, not added again, when the article is saved again.
    save_article(conn, article, figures, "test", force=True, after_save=derive_figures)
    assert conn.execute("SELECT count(*) FROM figure WHERE origin = 'derived'").fetchone() == (1,)
    # A correction of the share is applied to the derived figure at once.
    share_id = conn.execute("SELECT id FROM figure WHERE text = '25%'").fetchone()[0]
    record(conn, share_id, "correct", value=30)
    assert conn.execute("SELECT value FROM figure WHERE origin = 'derived'").fetchone()[0] == pytest.approx(1.5e10)
    assert conn.execute("SELECT count(*) FROM derived_disagreement").fetchone() == (0,)
    with pytest.raises(ReviewError):
        record(conn, share_id, "relink")
    conn.close()


def test_series_function_for_reuse(two_years: Path, db_path: Path):
    conn = open_db(db_path)
    rows = series(conn, "signed_projects", "沧州开发区")
    assert [r["value"] for r in rows] == [48, 57]
    assert {"period_start", "period_end", "value", "unit", "paper", "published", "title"} <= set(rows[0])
    with pytest.raises(SeriesError):
        series(conn, "signed_projects", "不存在的区")
    conn.close()


def test_extract_json_has_indicator_and_region(tmp_path: Path):
    path = write(tmp_path, "a.md", ARTICLE_2022)
    lines = [json.loads(line) for line in run("extract", str(path), "--json").splitlines()]
    by_text = {line["text"]: line for line in lines}
    assert by_text["57个"]["indicator"] == "signed_projects"
    assert by_text["57个"]["region"] == "沧州经济开发区"
    assert all("indicator" in line and "region" in line for line in lines)


# ---------------------------------------------------------------- the views against their definition

_VALUES = (-50.0, 0.0, 100.0, 100.4, 100.6, 101.0, 120.0, 200.0)
_figure = st.fixed_dictionaries({
    "article": st.integers(1, 4),
    "indicator": st.sampled_from(["signed_projects", "started_projects", None]),
    "region": st.sampled_from([1, None]),
    "year": st.sampled_from([2020, 2021]),
    "value": st.sampled_from(_VALUES),
    "origin": st.sampled_from(["reported", "reported", "derived"]),
})
_review = st.tuples(st.integers(0, 11), st.sampled_from(["accept", "reject", "prefer", "correct", "relink"]),
                    st.sampled_from(_VALUES))


def _fill(conn: sqlite3.Connection, figures: list[dict[str, Any]], reviews: list[tuple[int, str, float]]) -> None:
    conn.execute("BEGIN")
    for table in ("review", "figure", "article", "indicator", "region"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("INSERT INTO region (id, name, level) VALUES (1, '临港开发区', 'zone')")
    conn.executemany("INSERT INTO indicator (id, name, name_en, unit, sector) VALUES (?, ?, ?, '个', '招商')",
                     [("signed_projects", "签约项目数", "Signed projects"),
                      ("started_projects", "开工项目数", "Started projects")])
    # Articles 2 and 3 share a day: the later id is the later article.
    for n, day in ((1, "2021-02-01"), (2, "2022-01-10"), (3, "2022-01-10"), (4, "2022-03-05")):
        conn.execute("INSERT INTO article (id, source_id, paper, published, title, path, format, encoding, sha256, "
                     "extractor_version, text, ingested_at, region_id) VALUES (?, ?, '临港日报', ?, '年度回顾', 'a.md', "
                     "'text', 'utf-8', 'x', 'test', '全年签约项目若干个。', '2022-04-01T00:00:00', 1)",
                     (n, f"临港日报/{n}", day))
        conn.execute("INSERT INTO sentence (id, article_id, start, \"end\", text) VALUES (?, ?, 0, 10, '全年签约项目若干个。')",
                     (n, n))
    for seq, f in enumerate(figures):
        conn.execute(
            "INSERT INTO figure (article_id, seq, fkey, origin, start, \"end\", text, value, unit, qualifier, kind, "
            "period_start, period_end, subject, sector, paragraph, sentence_id, "
            "indicator_id, region_id) VALUES (?, ?, ?, ?, 0, 2, ?, ?, '个', 'exact', 'level', ?, ?, '签约项目', '招商', "
            "1, ?, ?, ?)",
            (f["article"], seq, f"k{seq}", f["origin"], f"{f['value']:g}个", f["value"], f"{f['year']}-01-01",
             f"{f['year']}-12-31", f["article"], f["indicator"], f["region"]))
    for n, (which, action, value) in enumerate(reviews):
        if which < len(figures):
            relink = "started_projects" if figures[which]["indicator"] == "signed_projects" else "signed_projects"
            conn.execute("INSERT INTO review (fkey, action, indicator_id, value, reviewed_at) VALUES (?, ?, ?, ?, ?)",
                         (f"k{which}", action, relink if action == "relink" else None,
                          value if action == "correct" else None, f"2022-04-01T00:00:{n:02d}"))
    conn.execute("COMMIT")


def _expected(conn: sqlite3.Connection) -> tuple[dict[int, tuple[bool, bool, bool, bool]], dict[int, str],
                                                 set[tuple[int, int]]]:
    """Preferred, conflict, disagreement with a derived figure and a second value in the same
    article, pair by pair from figure_current: the definitions the views compute without pairs."""
    conn.row_factory = sqlite3.Row
    rows = [dict(r) for r in conn.execute("SELECT fc.*, a.published FROM figure_current fc "
                                          "JOIN article a ON a.id = fc.article_id")]
    conn.row_factory = None
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for r in rows:
        if r["indicator_id"] is not None:
            groups.setdefault((r["indicator_id"], r["region_id"], r["kind"], r["unit"], r["period_start"],
                               r["period_end"]), []).append(r)
    flags: dict[int, tuple[bool, bool, bool, bool]] = {}
    pairs: set[tuple[int, int]] = set()
    for members in groups.values():
        best = min(members, key=lambda r: (r["preferred_by"] is None, -(r["preferred_by"] or 0), r["origin"] == "derived",
                                           -date.fromisoformat(r["published"]).toordinal(), -r["article_id"], r["seq"]))
        for p in members:
            v = p["value"]
            conflict = any(q["article_id"] != p["article_id"] and abs(q["value"] - v) > 0.005 * max(abs(q["value"]), abs(v))
                           for q in members)
            against = [d for d in members if d["origin"] == "derived" and d["value"] != 0
                       and abs(v - d["value"]) > 0.05 * abs(d["value"])] if p["origin"] == "reported" else []
            pairs |= {(p["id"], d["id"]) for d in against}
            repeated = p["origin"] == "reported" and any(
                o["origin"] == "reported" and o["article_id"] == p["article_id"] and o["id"] != p["id"] and o["value"] != v
                for o in members)
            flags[p["id"]] = (p is best, conflict, bool(against), repeated)
    reasons: dict[int, str] = {}
    for r in rows:
        if r["origin"] != "reported" or r["decision"] is not None or r["corrected"] or r["relinked"]:
            continue
        if r["indicator_id"] is None:
            reasons[r["id"]] = "unlinked"
            continue
        _, conflict, disagrees, repeated = flags[r["id"]]
        reason = ("conflict" if conflict else "disagrees with derived" if disagrees
                  else "same indicator twice in article" if repeated else None)
        if reason:
            reasons[r["id"]] = reason
    return flags, reasons, pairs


@settings(max_examples=80, deadline=None)
@given(figures=st.lists(_figure, min_size=1, max_size=12), reviews=st.lists(_review, max_size=4))
def test_views_compute_conflicts_and_preferences_as_defined(figures: list[dict[str, Any]],
                                                            reviews: list[tuple[int, str, float]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        conn = open_db(Path(tmp) / "zone.db")
        try:
            _fill(conn, figures, reviews)
            flags, reasons, pairs = _expected(conn)
            query = ("SELECT figure_id, preferred, conflict, disagrees_with_derived, repeated_in_article FROM series")
            got = {r[0]: tuple(bool(x) for x in r[1:]) for r in conn.execute(query)}
            assert got == flags
            # Filtering by indicator (pushed down to the figures, relinks included) changes no row.
            for indicator in ("signed_projects", "started_projects"):
                one = {r[0]: tuple(bool(x) for x in r[1:])
                       for r in conn.execute(query + " WHERE indicator_id = ?", (indicator,))}
                assert one == {k: v for k, v in got.items()
                               if conn.execute("SELECT indicator_id FROM figure_current WHERE id = ?",
                                               (k,)).fetchone()[0] == indicator}
            assert {r[0] for r in conn.execute("SELECT figure_id FROM conflict")} == {k for k, v in flags.items() if v[1]}
            assert dict(conn.execute("SELECT figure_id, reason FROM review_queue").fetchall()) == reasons
            assert set(conn.execute("SELECT reported_id, derived_id FROM derived_disagreement").fetchall()) == pairs
        finally:
            conn.close()


def test_a_database_with_older_views_gets_the_current_ones(db_path: Path):
    conn = open_db(db_path)
    conn.execute("DROP VIEW series")
    conn.execute("CREATE VIEW series AS SELECT 1 AS indicator_id")   # as an older zone might have left it
    conn.execute("PRAGMA user_version = 1")         # with the version of its own schema.sql
    conn.close()
    conn = open_db(db_path)
    columns = {r[1] for r in conn.execute("PRAGMA table_info(series)")}
    conn.close()
    assert {"preferred", "conflict", "point_key", "disagrees_with_derived"} <= columns


# A growth rate that fits foreign investment in dollars and in yuan alike.
ARTICLE_FDI = """---
title: 沧州经济开发区前三季度外资工作综述
date: 2021-10-20
source: 开发区动态
region: 沧州经济开发区
---

今年前三季度，园区实际利用外资0.87亿美元，同比增长15.2%。

园区新签约项目12个，总投资36.5亿元。
"""


def test_uncertain_links_come_from_the_margin_stored_at_ingest(tmp_path: Path, db_path: Path):
    folder = tmp_path / "fdi"
    folder.mkdir()
    write(folder, "2021-10-20_fdi.md", ARTICLE_FDI)
    run("ingest", str(folder), "--db", str(db_path))

    def uncertain_reasons() -> dict[str, str]:
        conn = open_db(db_path)
        try:
            return {r["text"]: r["reason"] for r in queue(conn) if r["reason"].startswith("uncertain")}
        finally:
            conn.close()

    with sqlite3.connect(db_path) as c:
        stored = dict(c.execute("SELECT text, link_rival FROM figure WHERE link_margin < 15").fetchall())
    assert stored == {"15.2%": "actual_fdi_cny"}
    assert uncertain_reasons() == {"15.2%": "uncertain: also fits actual_fdi_cny"}
    # The queue reads the stored margin and does not score the sentence again: change the
    # stored values and the queue follows them.
    with sqlite3.connect(db_path) as c:
        c.execute("UPDATE figure SET link_margin = 80 WHERE text = '15.2%'")
        c.execute("UPDATE figure SET link_rival = 'started_projects', link_margin = 4 WHERE text = '12个'")
    assert uncertain_reasons() == {"12个": "uncertain: also fits started_projects"}
    # A decision takes the figure out of the queue.
    run("review", "accept", str(figure_id_of(db_path, "12个")), "--db", str(db_path))
    assert uncertain_reasons() == {}
    # Re-ingesting scores the link again.
    run("ingest", str(folder), "--db", str(db_path), "--force")
    assert uncertain_reasons() == {"15.2%": "uncertain: also fits actual_fdi_cny"}


def figure_id_of(db_path: Path, text: str) -> int:
    with sqlite3.connect(db_path) as c:
        return int(c.execute("SELECT id FROM figure WHERE text = ?", (text,)).fetchone()[0])


def test_terminal_values_of_derived_figures_are_not_falsely_precise():
    from track.table import human

    assert human(4.6998712, "", digits=4) == "4.7"
    assert human(16105000000.3, "元", digits=4) == "161.1亿元"
    assert human(3221000000, "元") == "32.21亿元"


def test_a_review_follows_its_figure_when_the_sentence_is_reworded(two_years: Path, db_path: Path):
    with sqlite3.connect(db_path) as c:
        old_id, old_key = c.execute("SELECT id, fkey FROM figure WHERE text = '6个'").fetchone()
    run("review", "reject", str(old_id), "--note", "not tracked", "--db", str(db_path))
    # re-published with one word of the sentence changed: the key (sentence hash) changes
    write(two_years, "2021-01-25_kfq.md", ARTICLE_2021.replace("新建篮球场6个", "新建标准篮球场6个"))
    run("ingest", str(two_years), "--db", str(db_path))
    with sqlite3.connect(db_path) as c:
        new_key = c.execute("SELECT fkey FROM figure WHERE text = '6个'").fetchone()[0]
        assert new_key != old_key
        assert c.execute("SELECT count(*) FROM figure_current WHERE fkey = ?", (new_key,)).fetchone() == (0,)
        note = c.execute("SELECT note FROM review WHERE fkey = ?", (new_key,)).fetchone()[0]
        assert note.startswith("not tracked [re-attached") and old_key in note
    assert "no orphaned reviews" in run("review", "--orphaned", "--db", str(db_path))


def test_a_review_whose_figure_is_gone_is_listed_as_orphaned(two_years: Path, db_path: Path):
    with sqlite3.connect(db_path) as c:
        old_id, old_key = c.execute("SELECT id, fkey FROM figure WHERE text = '6个'").fetchone()
    run("review", "reject", str(old_id), "--db", str(db_path))
    write(two_years, "2021-01-25_kfq.md", ARTICLE_2021.replace("新建篮球场6个，", ""))
    run("ingest", str(two_years), "--db", str(db_path))
    listing = run("review", "--orphaned", "--db", str(db_path))
    assert "reject" in listing and old_key[:30] in listing
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT action, title FROM review_orphaned").fetchall() == [
            ("reject", "沧州经济开发区2020年经济运行综述")]
