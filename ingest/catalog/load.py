"""Reading the catalog as a whole: dimensions.yaml (dimensions.py), indicators.yaml
(indicators.py), regions_cn.yaml and regions.yaml (places.py), and reviewed.yaml (what
reviewers added, checked like the rest), once per process and again whenever one changes.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from ingest.catalog import model
from ingest.catalog.dimensions import load_dimensions
from ingest.catalog.indicators import load_indicators
from ingest.catalog.model import (
    DIMENSIONS_PATH,
    INDICATORS_PATH,
    NATIONAL_REGIONS_PATH,
    REGIONS_PATH,
    REVIEWED_NAME,
    REVIEWED_SECTIONS,
    Catalog,
    CatalogError,
    read_yaml,
)
from ingest.catalog.places import load_regions
from ingest.catalog.wordindex import WordIndex


def load_catalog(indicators_path: Path | str = INDICATORS_PATH, regions_path: Path | str = REGIONS_PATH,
                 dimensions_path: Path | str = DIMENSIONS_PATH,
                 national_path: Path | str = NATIONAL_REGIONS_PATH, reviewed_path: Path | str | None = None) -> Catalog:
    """Read and check the catalog files; raises CatalogError naming the file and the entry.

    ``reviewed_path`` is what reviewers added (`zone review propose`); by default the
    reviewed.yaml beside the indicators file, and nothing when that file does not exist."""
    reviewed = Path(reviewed_path) if reviewed_path is not None else Path(indicators_path).with_name(REVIEWED_NAME)
    paths = (str(indicators_path), str(regions_path), str(dimensions_path), str(national_path), str(reviewed))
    return _load(*paths, stamp=tuple(_stamp(p) for p in paths))


def _stamp(path: str) -> tuple[int, int]:
    """A file's size and change time: an edited file is read again, an unchanged one is not."""
    try:
        st = Path(path).stat()
    except OSError:
        return (-1, -1)
    return (st.st_size, st.st_mtime_ns)


def read_reviewed(path: Path) -> dict[str, Any] | None:
    """The content of the reviewers' additions, or None when the file does not exist."""
    if not path.exists():
        return None
    raw = read_yaml(path)
    if raw is None:
        return {}
    if not isinstance(raw, dict) or set(raw) - REVIEWED_SECTIONS:
        raise CatalogError(f"{path}: expected a mapping with only {', '.join(sorted(REVIEWED_SECTIONS))}")
    return raw


@lru_cache(maxsize=8)
def _load(indicators_path: str, regions_path: str, dimensions_path: str, national_path: str, reviewed_path: str,
          stamp: tuple[tuple[int, int], ...] = ()) -> Catalog:
    ipath, rpath, dpath, npath = Path(indicators_path), Path(regions_path), Path(dimensions_path), Path(national_path)
    vpath = Path(reviewed_path)
    content = read_reviewed(vpath)
    reviewed = (vpath, content) if content is not None else None
    measures, scopes, classes, stages, vocabulary = load_dimensions(dpath, reviewed)
    indicators, by_key, retired = load_indicators(ipath, measures, scopes, classes, stages, reviewed)
    regions, names = load_regions(npath, rpath)
    word_starts, word_lengths = _word_index(vocabulary)
    region_pattern = WordIndex(set(names) | {a for r in regions.values() for a in r.context_aliases})
    digest = hashlib.sha256()
    for p in (dpath, ipath, npath, rpath, *([vpath] if reviewed else [])):
        digest.update(p.read_bytes() + b"\0")
    return Catalog(indicators, measures, scopes, classes, stages, regions, retired, digest.hexdigest()[:12], by_key,
                   vocabulary, word_starts, names, region_pattern, _word_lengths=word_lengths)


def _word_index(words: Iterable[str]) -> tuple[re.Pattern[str] | None, dict[str, tuple[int, ...]]]:
    """Where a catalog word may start (its first two characters, each from the set of first
    and of second characters) and the lengths of the words by their first two characters
    (a one-character word under its character): Catalog.tokens looks words up there
    instead of trying an alternation of every word at each position."""
    words = {w for w in words if w}
    if not words:
        return None, {}
    lengths: dict[str, tuple[int, ...]] = {}
    for w in words:
        lengths[w[:2]] = tuple(sorted({*lengths.get(w[:2], ()), len(w)}, reverse=True))

    def chars(cs: Iterable[str]) -> str:
        return "".join(re.escape(c) for c in sorted(set(cs)))

    pairs = f"[{chars(w[0] for w in words if len(w) > 1)}][{chars(w[1] for w in words if len(w) > 1)}]"
    ones = [w for w in words if len(w) == 1]
    return re.compile(f"(?=[{chars(ones)}]|{pairs})" if ones else f"(?={pairs})"), lengths


def catalog() -> Catalog:
    """The catalog beside this package, with the reviewers' additions (model.REVIEWED_PATH,
    looked up on each call so that tests may point it elsewhere)."""
    return load_catalog(reviewed_path=model.REVIEWED_PATH)
