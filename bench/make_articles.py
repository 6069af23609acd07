"""Synthetic articles for a bench database that looks like a real one at scale.

    .venv/bin/python bench/make_articles.py FOLDER N [--same-years]
    .venv/bin/zone ingest FOLDER --jobs 2 --db DB          (14,000 articles: about 1M figures)

Each article is the seed article (73 figures) published on another day (one to four articles a
day from 2012 on), its other numbers changed. What makes it realistic, unlike the old generator
(bench_ingest.py's, kept as --same-years: every article states 2021年 with random numbers, so
nearly every figure is in conflict and in the review queue):

- Each article reports its own periods: every year it states (2021年, 2020年度, 2022年十项民生实事)
  is moved with its publication date, so an article of 2015 reports 2014 and a year's articles
  build a series over the years instead of piling onto one year.
- Articles agree with each other: a number is drawn from its place in the text and the
  publication year, so the articles of a year that state the same period state the same
  value (the paper repeating a figure), and a period-to-date figure (今年以来, 截至目前) moves
  from year to year.
- A few disagree: for one place in twenty (per year) every fifth article of that year states
  another value, so about one figure in twenty of those repeated is in conflict.

What still waits for review is what the extractor leaves unlinked in the seed (14 of its 73
figures) plus the conflicts.
"""
from __future__ import annotations

import re
import sys
import zlib
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "articles" / "2022-08-10_czrb_content_66129.txt"
SEED_YEAR = 2022
NUMBER = re.compile(r"(?<=[^\d年月])\d+(?=[家个亿万条项件名吨%])")
YEAR = re.compile(r"20\d\d(?=年)")


def drawn(*key: object) -> int:
    """A number from 1 to 999 that depends only on the key (stable across runs and processes)."""
    return zlib.crc32("|".join(map(str, key)).encode()) % 999 + 1


def article_text(seed: str, i: int, day: date, same_years: bool) -> str:
    head, body = seed.split("\n", 1)
    head = f"{day.year}年{day.month:02d}月{day.day:02d}日"
    if not same_years:
        body = YEAR.sub(lambda m: str(int(m.group()) + day.year - SEED_YEAR), body)
    places = iter(range(10**6))

    def number(m: re.Match[str]) -> str:
        place = next(places)
        if same_years:
            return str(drawn("random", i, place))
        disagrees = drawn("disagree", day.year, place) % 20 == 0 and i % 5 == 0
        return str(drawn(day.year, place, "other" if disagrees else ""))

    body = NUMBER.sub(number, body)
    return head + "\n" + body.replace("2022-08-10 1 1 沧州日报 content_66129.html",
                                      f"{day} 1 1 沧州日报 content_{i}.html")


def write_articles(folder: Path, n: int, same_years: bool = False) -> None:
    seed = SEED.read_text(encoding="utf-8")
    day0 = date(2012, 1, 1)
    for i in range(n):
        day = day0 + timedelta(days=i % 3900)
        (folder / f"{day}_{i}.txt").write_text(article_text(seed, i, day, same_years), encoding="utf-8")


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--same-years"]
    if len(args) != 2:
        raise SystemExit(__doc__)
    folder = Path(args[0])
    folder.mkdir(parents=True, exist_ok=True)
    write_articles(folder, int(args[1]), "--same-years" in sys.argv)


if __name__ == "__main__":
    main()
