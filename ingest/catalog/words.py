"""What reading a figure's dimensions works on and gives: the words linking reads about one
figure (Context), the windows of them it reads dimensions from (Window), the dimensions
read (Parsed), and the helpers that parse.py (the form and the measure) and fill.py (the
other dimensions) share.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.catalog.model import Catalog, Key, Token


@dataclass(frozen=True)
class Context:
    """What linking reads about one figure."""

    subject: str
    lead: str          # the words right before the number, back to the previous figure or clause start
    tail: str          # the words right after the number, up to the next list item or figure
    before: str        # the sentence up to the number
    sentence: str
    unit: str
    kind: str
    rest: str = ""     # the clause after the number
    paragraph_before: str = ""
    section: str = ""
    sector: str = ""


@dataclass
class Parsed:
    """The dimensions read for one figure, with the words that gave them."""

    measure: str | None = None
    scope: str | None = None
    classes: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    form: str | None = None
    currency: str | None = None
    why: dict[str, str] = field(default_factory=dict)
    weak: set[str] = field(default_factory=set)       # dimensions read from the paragraph, not the sentence
    refuse: str | None = None                          # why it must stay unlinked whatever the catalog holds

    def key(self) -> Key | None:
        if self.measure is None:
            return None
        return Key(self.measure, self.scope, self.classes, self.stages, self.form, self.currency)


@dataclass
class Window:
    """Words around a figure that may name its dimensions, and the catalog's words in them."""

    name: str
    text: str
    first: bool        # nearest to the number is the first token (after it) or the last (before it)
    tokens: list[Token] = field(default_factory=list)


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """text with the spans replaced by spaces (offsets kept)."""
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            chars[i] = " "
    return "".join(chars)


def region_in(cat: Catalog, text: str) -> list[re.Match[str]]:
    """The known regions text names (not the context words: 全市, 开发区)."""
    if cat._region_pattern is None or not text:
        return []
    return [m for m in cat._region_pattern.finditer(text) if cat._region_names.get(m.group(0))]


def _common(cat: Catalog, scopes: list[str]) -> str | None:
    """The deepest scope containing all of them (医药生产, 医药物流 -> 生物医药), or None."""
    chains: list[list[str]] = []
    for s in scopes:
        chain: list[str] = []
        cur: str | None = s
        while cur is not None and len(chain) < 12:
            chain.append(cur)
            cur = cat.scopes[cur].parent
        chains.append(chain)
    shared = [s for s in chains[0] if all(s in c for c in chains[1:])]
    return shared[0] if shared else None


def pick_scope(cat: Catalog, tokens: list[Token], first: bool, common: bool = False) -> tuple[str, str] | None:
    """(scope, words) the tokens name: the deepest when they lie on one line (汽车, 汽车零部件),
    else the nearest to the number, or with ``common`` what they share."""
    scoped = [(str(t.get("scope")), t.word) for t in tokens if t.get("scope")]
    if not scoped:
        return None
    ids = [s for s, _ in scoped]
    if all(cat.scope_within(a, b) or cat.scope_within(b, a) for a in ids for b in ids):
        return max(scoped, key=lambda sw: cat.scope_depth(sw[0]))
    narrow = [(s, w) for s, w in scoped if not cat.scopes[s].broad]
    if narrow and len(narrow) < len(scoped):
        return pick_scope(cat, [t for t in tokens if t.get("scope") and not cat.scopes[str(t.get("scope"))].broad],
                          first, common)
    if common:
        shared = _common(cat, ids)
        return (shared, "+".join(dict.fromkeys(w for _, w in scoped))) if shared else None
    return scoped[0] if first else scoped[-1]
