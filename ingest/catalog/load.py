"""Reading the catalog as a whole: dimensions.yaml (dimensions.py), indicators.yaml
(indicators.py), regions_cn.yaml and regions.yaml (places.py), and reviewed.yaml (what
reviewers added, checked like the rest), once per process and again whenever one changes.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

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
    word_pattern = re.compile("|".join(re.escape(w) for w in sorted(vocabulary, key=len, reverse=True))) if vocabulary else None
    spoken = set(names) | {a for r in regions.values() for a in r.context_aliases}
    region_pattern = re.compile("|".join(re.escape(a) for a in sorted(spoken, key=len, reverse=True)))
    digest = hashlib.sha256()
    for p in (dpath, ipath, npath, rpath, *([vpath] if reviewed else [])):
        digest.update(p.read_bytes() + b"\0")
    return Catalog(indicators, measures, scopes, classes, stages, regions, retired, digest.hexdigest()[:12], by_key,
                   vocabulary, word_pattern, names, region_pattern)


def catalog() -> Catalog:
    """The catalog beside this package, with the reviewers' additions (model.REVIEWED_PATH,
    looked up on each call so that tests may point it elsewhere)."""
    return load_catalog(reviewed_path=model.REVIEWED_PATH)
