"""The Founder HTML format: pages of Founder e-paper systems. What sets them apart from other
HTML pages: the <!--enpproperty … /enpproperty--> comment (both tag variants) with the page's
metadata, the body between the <!--enpcontent--> and <!--/enpcontent--> markers or in a
<founder-content> element, and a <title> that names the paper."""
from __future__ import annotations

import re

from ingest.read.enp import parse_enpproperty
from ingest.read.htmlrender import render
from ingest.read.htmltree import Node, comments_of, find, text_of
from ingest.read.offsets import Line

FOUNDER_CONTENT = "founder-content"


def founder_page(root: Node) -> tuple[dict[str, str], bool]:
    """(the enpproperty comment's metadata, whether the page is a Founder e-paper page)."""
    comments = comments_of(root)
    enp_comment = next((c for c in comments if c.data.lstrip().lower().startswith("enpproperty")), None)
    enp = parse_enpproperty("<!--" + enp_comment.data + "-->") if enp_comment else {}
    founder = bool(enp) or any(c.data.strip().lower() == "enpcontent" for c in comments) or bool(find(root, FOUNDER_CONTENT))
    return enp, founder


def enpcontent_lines(root: Node) -> list[Line] | None:
    """The lines between the <!--enpcontent--> and <!--/enpcontent--> markers; None when
    there is no opening marker or nothing but blank lines between them."""
    comments = comments_of(root)
    opening = next((c for c in comments if c.data.strip().lower() == "enpcontent"), None)
    if opening is None:
        return None
    closing = next((c for c in comments if c.data.strip().lower() == "/enpcontent" and c.start > opening.start), None)
    hi = closing.start if closing else 10**12
    lines = _clip(render(root), opening.end, hi)
    if any(ln.kind != "blank" for ln in lines):
        return lines
    return None


def _clip(lines: list[Line], lo: int, hi: int) -> list[Line]:
    """The parts of lines whose characters lie in source[lo:hi]."""
    out: list[Line] = []
    for ln in lines:
        if ln.kind == "blank":
            out.append(ln)
            continue
        keep = [i for i, o in enumerate(ln.offsets) if lo <= o < hi]
        if not keep:
            continue
        text = "".join(ln.text[i] for i in keep).strip(" \t")
        if not text:
            continue
        first = next(i for i in keep if ln.text[i] not in " \t")
        last = max(i for i in keep if ln.text[i] not in " \t")
        sel = [i for i in keep if first <= i <= last]
        out.append(Line("".join(ln.text[i] for i in sel), [ln.offsets[i] for i in sel], ln.kind, end=-1))
    return out


def paper_from_title(root: Node) -> str | None:
    """An e-paper page's <title> names the paper: 临河日报数字报, 北湖日报-电子版."""
    node = next(iter(find(root, "title")), None)
    m = re.search(r"[\u4e00-\u9fff]{2,10}?(?:日报|晚报|早报|时报|商报|特区报|报)", text_of(node)) if node else None
    return m[0] if m else None
