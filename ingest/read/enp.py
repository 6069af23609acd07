"""Founder e-paper page metadata, which any format may carry: the ``<!--enpproperty …
/enpproperty-->`` comment (tags kept or stripped) and the edition line (第08版:08)."""
from __future__ import annotations

import re

from ingest.read.dates import parse_loose_date
from ingest.read.text import CJK

EDITION = re.compile(r"^\s*第\s*[A-Za-z]?\d{1,3}\s*版|^\s*第\s*[一二三四五六七八九十]{1,3}\s*版|^\s*[A-Z]\d{1,2}\s*版")
_ENP_TAGS = re.compile(r"<([\w-]+)>([^<]*)</\1>")


def parse_enpproperty(text: str) -> dict[str, str]:
    """Metadata of a Founder e-paper page from its ``<!--enpproperty … /enpproperty-->`` comment.

    Tags kept: <articleid>, <date>, <title>, <nodename>, <url>, or <founder-date>,
    <founder-papername>, <founder-pagenum>, <founder-title>. Tags stripped (as in text copied
    from the page): the date, the page file (content_N.htm[l]), the paper before it and the
    title after it, found by their shapes.
    Returns keys among date, title, paper, page, edition, url, articleid.
    """
    body = re.sub(r"^\s*<!--\s*enpproperty", "", text.strip())
    body = re.sub(r"/?\s*enpproperty\s*-->\s*$", "", body).strip()
    tags = {k.lower(): v.strip() for k, v in _ENP_TAGS.findall(body) if v.strip()}
    if tags:
        return _tagged(tags)
    return _stripped(body)


def _tagged(tags: dict[str, str]) -> dict[str, str]:
    """The metadata of an enpproperty comment whose tags are kept."""
    meta: dict[str, str] = {}
    for key in ("founder-date", "date", "publishdate"):
        if key in tags:
            meta["date"] = tags[key]
            break
    for key in ("founder-title", "title", "urltitle"):
        if key in tags:
            meta["title"] = tags[key]
            break
    for key in ("founder-papername", "papername", "paper", "sitename"):
        if key in tags:
            meta["paper"] = tags[key]
            break
    node = tags.get("nodename")
    if node:
        if re.search(r"版|^[A-Z]?\d{1,3}$", node):
            meta["edition"] = node
        else:
            meta.setdefault("paper", node)
    pagenum = tags.get("founder-pagenum") or tags.get("pagenum")
    if pagenum:
        meta["edition"] = pagenum if "版" in pagenum else f"第{pagenum}版"
    if "url" in tags:
        meta["url"] = tags["url"]
        meta["page"] = tags["url"].rsplit("/", 1)[-1]
    if "articleid" in tags:
        meta["articleid"] = tags["articleid"]
    return meta


def _stripped(body: str) -> dict[str, str]:
    """The metadata of an enpproperty comment whose tags were stripped, found by the shapes of its words."""
    meta: dict[str, str] = {}
    tokens = list(re.finditer(r"\S+", body))
    date_i = next((i for i, t in enumerate(tokens) if parse_loose_date(t[0])), None)
    if date_i is not None:
        meta["date"] = tokens[date_i][0]
    page_i = next((i for i, t in enumerate(tokens) if re.search(r"\.s?html?$", t[0], re.I)), None)
    if page_i is not None:
        meta["page"] = tokens[page_i][0].rsplit("/", 1)[-1]
        if tokens[page_i][0].startswith("http"):
            meta["url"] = tokens[page_i][0]
        paper_i = next((i for i in range(page_i - 1, -1, -1) if CJK.search(tokens[i][0])), None)
        rest = page_i + 1
    else:
        start = (date_i + 1) if date_i is not None else 0
        paper_i = next((i for i in range(start, len(tokens)) if CJK.search(tokens[i][0])), None)
        rest = (paper_i + 1) if paper_i is not None else start
    if paper_i is not None:
        meta["paper"] = tokens[paper_i][0]
    while rest < len(tokens) and re.fullmatch(r"[\d:_-]+", tokens[rest][0]):
        rest += 1
    if rest < len(tokens):
        meta["title"] = body[tokens[rest].start():].strip()
    return meta


def split_enp_tail(source: str, lines: list[tuple[int, int]]) -> tuple[int, dict[str, str]]:
    """(where the body ends, metadata) for a text whose last line is the enpproperty block."""
    for l_start, l_end in reversed(lines):
        line = source[l_start:l_end]
        if not line.strip():
            continue
        if "enpproperty" in line:
            begin = source.rfind("<!--enpproperty", 0, l_end)
            if begin >= 0 and source.find("enpproperty-->", begin) >= l_start:
                l_start = begin
                line = source[begin:l_end]
            return l_start, parse_enpproperty(line)
        break
    return len(source), {}
