"""Reading the catalog as a whole: dimensions.yaml (dimensions.py), indicators.yaml
(indicators.py), regions_cn.yaml and regions.yaml (places.py), once per process and again
whenever one of them changes.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from ingest.catalog.dimensions import load_dimensions
from ingest.catalog.indicators import load_indicators
from ingest.catalog.model import DIMENSIONS_PATH, INDICATORS_PATH, NATIONAL_REGIONS_PATH, REGIONS_PATH, Catalog
from ingest.catalog.places import load_regions


def load_catalog(indicators_path: Path | str = INDICATORS_PATH, regions_path: Path | str = REGIONS_PATH,
                 dimensions_path: Path | str = DIMENSIONS_PATH,
                 national_path: Path | str = NATIONAL_REGIONS_PATH) -> Catalog:
    """Read and check the catalog files; raises CatalogError naming the file and the entry."""
    paths = (str(indicators_path), str(regions_path), str(dimensions_path), str(national_path))
    return _load(*paths, stamp=tuple(_stamp(p) for p in paths))


def _stamp(path: str) -> tuple[int, int]:
    """A file's size and change time: an edited file is read again, an unchanged one is not."""
    try:
        st = Path(path).stat()
    except OSError:
        return (-1, -1)
    return (st.st_size, st.st_mtime_ns)


@lru_cache(maxsize=8)
def _load(indicators_path: str, regions_path: str, dimensions_path: str, national_path: str,
          stamp: tuple[tuple[int, int], ...] = ()) -> Catalog:
    ipath, rpath, dpath, npath = Path(indicators_path), Path(regions_path), Path(dimensions_path), Path(national_path)
    measures, scopes, classes, stages, vocabulary = load_dimensions(dpath)
    indicators, by_key, retired = load_indicators(ipath, measures, scopes, classes, stages)
    regions, names = load_regions(npath, rpath)
    word_pattern = re.compile("|".join(re.escape(w) for w in sorted(vocabulary, key=len, reverse=True))) if vocabulary else None
    spoken = set(names) | {a for r in regions.values() for a in r.context_aliases}
    region_pattern = re.compile("|".join(re.escape(a) for a in sorted(spoken, key=len, reverse=True)))
    digest = hashlib.sha256()
    for p in (dpath, ipath, npath, rpath):
        digest.update(p.read_bytes() + b"\0")
    return Catalog(indicators, measures, scopes, classes, stages, regions, retired, digest.hexdigest()[:12], by_key,
                   vocabulary, word_pattern, names, region_pattern)


def catalog() -> Catalog:
    """The catalog beside this package."""
    return load_catalog()
