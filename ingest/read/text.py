"""Characters: what every reader needs to turn source characters into the text extraction reads.

Folding (full-width digits, letters and signs to ASCII), traditional to simplified characters,
the invisible characters dropped from text, display width, and the shape of a source id.
Every change here is one character for one character, so offset maps stay true.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def fold(ch: str) -> str:
    """Fold a full-width digit, letter or numeric sign to ASCII, one character to one.

    Chinese punctuation that ends or splits clauses (，：；！？（）) is kept: sentence
    splitting and heading detection read it.
    """
    if "\uff01" <= ch <= "\uff5e" and ch not in "，：；！？（）":
        folded = unicodedata.normalize("NFKC", ch)
        if len(folded) == 1:
            return folded
    if ch == "\ufe6a":  # ﹪, the small form of the per cent sign (18.2﹪)
        return "%"
    if ch == "\t":
        return ch
    if unicodedata.category(ch) == "Zs":
        return " "
    return ch


# fold() as a str.translate table, for the characters it changes.
FOLD_TABLE: dict[int, str] = {
    cp: fold(chr(cp)) for cp in [*range(0xFF01, 0xFF5F), 0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000, 0xFE6A]
    if fold(chr(cp)) != chr(cp)
}


@lru_cache(maxsize=1)
def t2s_table() -> dict[int, str]:
    """Traditional (and Taiwan/Hong Kong variant) characters -> simplified, one character to one.

    The character tables of the OpenCC project, as shipped by opencc-python-reimplemented.
    Only single-character entries are used (the first candidate of each): phrase entries
    would change the text's length and break the offset map.
    """
    from importlib.resources import files

    folder = files("opencc") / "dictionary"

    def load(name: str) -> dict[str, str]:
        table: dict[str, str] = {}
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            first = values.split(" ")[0] if values else ""
            if len(key) == 1 and len(first) == 1 and key != first:
                table[key] = first
        return table

    to_simplified = load("TSCharacters.txt")
    mapping: dict[int, str] = {ord(k): v for k, v in to_simplified.items()}
    for variants in ("TWVariantsRev.txt", "HKVariantsRev.txt"):
        for k, v in load(variants).items():
            mapping.setdefault(ord(k), to_simplified.get(v, v))
    return mapping


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    return frozenset(chr(c) for c in t2s_table())


def is_traditional(text: str) -> bool:
    """Whether text is written in traditional characters.

    Counted over distinct characters, so that a simplified article quoting one traditional
    name many times is not taken for traditional, and so that it is fast on long texts.
    """
    distinct = set(text)
    traditional = distinct & _traditional_chars()
    cjk = sum(1 for c in distinct if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff")
    return len(traditional) >= 2 and len(traditional) >= 0.05 * cjk


def to_simplified(text: str) -> str:
    return text.translate(t2s_table())


def norm(text: str) -> str:
    """text without whitespace, for comparing a title with the line that repeats it."""
    return re.sub(r"[\s\u3000]+", "", text)


def source_id(paper: str | None, key: str) -> str:
    """An article's stable identity: paper/key, or file/key when the paper is not known."""
    return f"{paper or 'file'}/{key}"
