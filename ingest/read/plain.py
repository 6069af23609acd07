"""The plain text format: anything else that reads as text: copied web pages (navigation
bars, "发布时间：", "来源：" and footer lines are dropped but mined for the date and the
paper), hard-wrapped lines, tab-separated tables, tables of `` | ``-separated cells (with
or without pipes at the ends of the lines)."""
from __future__ import annotations

from pathlib import Path

from ingest.model import Article
from ingest.read.body import digest
from ingest.read.dates import as_date
from ingest.read.enp import EDITION, split_enp_tail
from ingest.read.lines import raw_lines, source_lines
from ingest.read.text import source_id
from ingest.read.units import group_lines


def read_text(path: Path, source: str) -> Article:
    body_end, meta = split_enp_tail(source, raw_lines(source))
    lines = source_lines(source, 0, body_end)
    edition = None
    nonblank = [ln for ln in lines if ln.kind != "blank"]
    for ln in nonblank[:4]:
        if EDITION.match(ln.text) and len(ln.text) <= 20:
            edition = ln.text.strip()
            lines = [x for x in lines if x is not ln]
            break
    body = digest(group_lines(lines), title=meta.get("title"))
    paper = meta.get("paper") or body.paper
    page = meta.get("page")
    return Article(
        path=str(path), source=source, encoding="", sha256="", format="text",
        published=body.published or as_date(meta.get("date")),
        title=meta.get("title") or body.title, source_id=source_id(paper, Path(page).stem if page else path.stem),
        paragraphs=body.paragraphs, headings=body.headings, paper=paper,
        edition=edition or meta.get("edition"), page=page, url=meta.get("url"),
    )
