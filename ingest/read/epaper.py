"""The e-paper text format: the text of a Founder e-paper page, as in the seed article: a date
line (2022年08月10日), an edition line (第08版:08), the title, the body, and the page's
metadata comment (tags stripped or not), ending in ``/enpproperty-->``."""
from __future__ import annotations

from pathlib import Path

from ingest.model import Article
from ingest.read.body import digest
from ingest.read.dates import as_date, parse_date
from ingest.read.enp import EDITION, split_enp_tail
from ingest.read.lines import raw_lines, source_lines
from ingest.read.text import norm, source_id
from ingest.read.units import ends_sentence, group_lines


def read_epaper_text(path: Path, source: str) -> Article:
    raw = raw_lines(source)
    body_end, meta = split_enp_tail(source, raw)
    nonblank = [(s, e) for s, e in raw if source[s:e].strip() and e <= body_end]
    published = parse_date(source[nonblank[0][0]:nonblank[0][1]]) if nonblank else None
    edition = None
    pos = 1
    if len(nonblank) > pos and EDITION.match(source[nonblank[pos][0]:nonblank[pos][1]]):
        edition = source[nonblank[pos][0]:nonblank[pos][1]].strip()
        pos += 1
    title = ""
    body_start = nonblank[pos - 1][1] if nonblank else 0
    if meta.get("title"):
        # The title line may sit below a kicker line; the metadata names it.
        want = norm(meta["title"])
        for k in range(pos, min(pos + 4, len(nonblank))):
            if norm(source[nonblank[k][0]:nonblank[k][1]]) == want:
                title, body_start = source[nonblank[k][0]:nonblank[k][1]].strip(), nonblank[k][1]
                break
    if not title and len(nonblank) > pos:
        line = source[nonblank[pos][0]:nonblank[pos][1]].strip()
        if not ends_sentence(line) and len(line) <= 80:
            title, body_start = line, nonblank[pos][1]
    body = digest(group_lines(source_lines(source, body_start, body_end)), title=title or meta.get("title"))
    paper = meta.get("paper") or body.paper
    page = meta.get("page")
    stem = Path(page).stem if page else path.stem
    return Article(
        path=str(path), source=source, encoding="", sha256="", format="epaper-text",
        published=published or as_date(meta.get("date")) or body.published,
        title=title or meta.get("title", "") or body.title, source_id=source_id(paper, stem),
        paragraphs=body.paragraphs, headings=body.headings, paper=paper,
        edition=edition or meta.get("edition"), page=page, url=meta.get("url"),
    )
