"""Figures implied by others in the same sentence, stored with origin 'derived'.

- A share and the part it measures give the whole: 产值32.21亿元，占全部规上工业企业总产值
  的20% -> 规上工业总产值 ≈ 161.05亿元.
- A level and its change give the earlier level: 空气质量综合指数为4.21，同比下降10.42% ->
  a year earlier ≈ 4.70.

Derived figures name their sources in figure_source and are recomputed from the current
(reviewed) figures of an article every time the article is saved, so they never go stale
against a re-extraction. A reported figure more than 5% away from a derived one for the
same indicator, region and period shows in the derived_disagreement view.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from common.formatting import format_value
from ingest.catalog import Catalog, catalog, match_text, region_of_text
from ingest.extract.blocks import SENTENCE_WINDOW

_SHARE_OF = re.compile(r"占(?P<whole>[^,，;；。占]{2,30}?)(?:的)?(?:比重|比例|份额)?(?:为|达|达到|约|近|超过|超)?$")
_BASE_YEAR = re.compile(r"(?:比|较)(?P<year>\d{4})年")


@dataclass
class _Row:
    id: int
    fkey: str
    seq: int
    start: int
    end: int
    text: str
    value: float
    unit: str
    kind: str
    direction: str | None
    period_start: str | None
    period_end: str | None
    subject: str
    sector: str
    section: str | None
    paragraph: int
    sentence_id: int
    indicator_id: str | None
    region_id: int | None
    sentence_start: int = 0         # the whole sentence's, read from the sentence table
    sentence: str = ""


def _rows(conn: sqlite3.Connection, article_id: int) -> list[_Row]:
    """The article's reported figures, each sentence's text read once and shared by its
    figures (a sentence of 8,000 figures is not copied 8,000 times)."""
    cols = ", ".join(f'"{n}"' for n in _Row.__dataclass_fields__ if n not in ("sentence", "sentence_start"))
    whole = {i: (start, text) for i, start, text in conn.execute(
        "SELECT id, start, text FROM sentence WHERE article_id = ?", (article_id,))}
    rows = [_Row(*r) for r in conn.execute(
        f"SELECT {cols} FROM figure_current WHERE article_id = ? AND origin = 'reported' ORDER BY start",
        (article_id,))]
    for row in rows:
        row.sentence_start, row.sentence = whole[row.sentence_id]
    return rows


def _shift_year(day: str | None, years: int) -> str | None:
    if day is None:
        return None
    d = date.fromisoformat(day)
    try:
        return d.replace(year=d.year + years).isoformat()
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28).isoformat()


# A figure's text is looked for this far around where its offsets put it in its sentence:
# as far as linking reads (the sentence window), not through a whole sentence of thousands.
NEAR = SENTENCE_WINDOW


def _position(row: _Row) -> int:
    """Where the figure stands in its sentence: the occurrence of its text nearest to where its
    offsets put it (occurrences read left to right, each after the end of the one before)."""
    guess = max(0, row.start - row.sentence_start)
    end = guess + len(row.text) + NEAR
    hits = []
    at = row.sentence.find(row.text, max(0, guess - NEAR), end)
    while at >= 0:
        hits.append(at)
        at = row.sentence.find(row.text, at + max(1, len(row.text)), end)
    return min(hits, key=lambda h: abs(h - guess)) if hits else guess


def _fmt(value: float, unit: str) -> str:
    """The derived value as every display shows it (common.formatting): 161.1亿元."""
    return format_value(value, unit, derived=True)


def _region_id(conn: sqlite3.Connection, name: str | None) -> int | None:
    if not name:
        return None
    row = conn.execute("SELECT id FROM region WHERE name = ?", (name,)).fetchone()
    return int(row[0]) if row else None


def derive_figures(conn: sqlite3.Connection, article_id: int, cat: Catalog | None = None) -> int:
    """Replace the article's derived figures with those its current figures imply.

    Runs inside the caller's transaction when there is one (ingest calls it from within
    save_article). Returns the number of derived figures stored.
    """
    cat = cat or catalog()
    conn.execute("DELETE FROM figure WHERE article_id = ? AND origin = 'derived'", (article_id,))
    rows = _rows(conn, article_id)
    region_row = conn.execute("SELECT r.name FROM article a LEFT JOIN region r ON r.id = a.region_id WHERE a.id = ?",
                              (article_id,)).fetchone()
    article_region = region_row[0] if region_row else None
    by_sentence: dict[tuple[int, int], list[_Row]] = {}
    for r in rows:
        by_sentence.setdefault((r.paragraph, r.sentence_id), []).append(r)
    seq = (conn.execute("SELECT max(seq) FROM figure WHERE article_id = ?", (article_id,)).fetchone()[0] or 0)
    stored = 0
    for members in by_sentence.values():
        members.sort(key=lambda r: r.start)
        for i, r in enumerate(members):
            prev = members[i - 1] if i else None
            if prev is None or prev.kind != "level":
                continue
            derived = None
            if r.kind == "share":
                derived = _from_share(cat, prev, r, article_region)
            elif r.kind == "change":
                derived = _from_change(cat, prev, r)
            if derived is None:
                continue
            seq += 1
            values, sources = derived
            region_name = values.pop("region_name", None)
            if region_name:
                values["region_id"] = _region_id(conn, region_name) or values["region_id"]
            values.update(article_id=article_id, seq=seq)
            cols = list(values)
            cur = conn.execute(
                "INSERT INTO figure ({}) VALUES ({})".format(", ".join(f'"{c}"' for c in cols), ", ".join("?" for _ in cols)),
                [values[c] for c in cols])
            conn.executemany("INSERT INTO figure_source (figure_id, source_id) VALUES (?, ?)",
                             [(cur.lastrowid, s.id) for s in sources])
            stored += 1
    return stored


def _base(part: _Row, source: _Row, text: str, value: float, rule: str) -> dict[str, Any]:
    return {
        "fkey": f"derived:{rule}:{part.fkey}|{source.fkey}", "origin": "derived",
        "start": source.start, "end": source.end, "text": text, "value": value, "value_max": None,
        "unit": part.unit, "qualifier": "approx", "kind": "level", "direction": None,
        "period_start": part.period_start, "period_end": part.period_end, "period_label": None,
        "subject": "", "sector": part.sector, "section": part.section, "paragraph": part.paragraph,
        "sentence_id": part.sentence_id,
        "indicator_id": None, "region_id": part.region_id,
    }


def _from_share(cat: Catalog, part: _Row, share: _Row, article_region: str | None) -> tuple[dict[str, Any], list[_Row]] | None:
    """32.21亿元, 占全部规上工业企业总产值的20% -> the whole, 32.21亿元 / 20%."""
    percent = share.value * 10 if share.unit == "成" else share.value   # 占…的三成
    if share.unit not in ("%", "成") or not 0 < percent < 100 or part.unit in ("%", "成"):
        return None
    gap = share.sentence[_position(part) + len(part.text):_position(share)]
    m = _SHARE_OF.search(gap)
    if not m:
        return None
    whole_words = m.group("whole")
    indicator = match_text(cat, whole_words, part.unit)
    if indicator is None or indicator == part.indicator_id:
        return None
    value = part.value * 100 / percent
    ind = cat.indicators[indicator]
    row = _base(part, share, f"{part.text}÷{share.text}≈{_fmt(value, part.unit)}", value, "share")
    row.update(indicator_id=indicator, subject=f"{ind.name}(由{part.text}占{share.text}推算)")
    # 占全市…的5%: the whole belongs to the city, not to the zone the part belongs to.
    row["region_name"] = region_of_text(cat, whole_words, article_region)
    return row, [part, share]


def _from_change(cat: Catalog, level: _Row, change: _Row) -> tuple[dict[str, Any], list[_Row]] | None:
    """4.21, 同比下降10.42% -> the level a year earlier, 4.21 / (1 - 10.42%)."""
    if level.indicator_id is None or change.indicator_id != level.indicator_id or change.direction not in ("up", "down"):
        return None
    if level.period_start is None and level.period_end is None:
        return None
    gap = change.sentence[_position(level) + len(level.text):_position(change)]
    if "环比" in gap or "比年初" in gap or "较年初" in gap:
        return None  # the base is not a year earlier
    sign = 1 if change.direction == "up" else -1
    ind_unit = cat.indicators[level.indicator_id].unit if level.indicator_id in cat.indicators else level.unit
    if change.unit == "%" and ind_unit != "%":
        factor = 1 + sign * change.value / 100
        if factor <= 0:
            return None
        value = level.value / factor
        how = f"{level.text}÷(1{'+' if sign > 0 else '−'}{change.text.lstrip('+-−')})"
    elif change.unit == level.unit or (change.unit == "百分点" and level.unit == "%"):
        value = level.value - sign * change.value
        how = f"{level.text}{'−' if sign > 0 else '+'}{change.text.lstrip('+-−')}"
    else:
        return None
    years = 1
    m = _BASE_YEAR.search(gap)
    end_year = int((level.period_end or level.period_start or "0000")[:4])
    if m and end_year:
        years = end_year - int(m.group("year"))
        if years <= 0:
            return None
    row = _base(level, change, f"{how}≈{_fmt(value, level.unit)}", value, "change")
    name = cat.indicators[level.indicator_id].name if level.indicator_id in cat.indicators else ""
    row.update(indicator_id=level.indicator_id, subject=f"{name}(由{level.text}及变化{change.text}推算的{years}年前水平)",
               period_start=_shift_year(level.period_start, -years), period_end=_shift_year(level.period_end, -years))
    return row, [level, change]
