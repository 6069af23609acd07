"""Which catalog entries the articles at hand link to, and from how many sentences and
articles: an entry reached from one sentence of one article only is suspect of having been
made for it (the catalog names series, in the wording of the statistics, not sentences).

Used by tests/test_catalog_hygiene.py on our own fixture articles and the seed, and by
eval/catalog_usage.py on whatever real articles are rebuilt in eval/texts/.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ingest.catalog.model import INDICATORS_PATH
from ingest.pipeline import figures_of
from ingest.reader import read_article

ARTICLE_SUFFIXES = (".md", ".txt", ".html", ".htm")


@dataclass
class Usage:
    """The sentences (article, sentence start) and articles whose figures link to one indicator."""

    sentences: set[tuple[str, int]] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)

    @property
    def single(self) -> bool:
        return len(self.sentences) == 1


def explicit_ids(path: Path = INDICATORS_PATH) -> list[str]:
    """The ids named one by one in indicators.yaml (`indicators`), not composed by a family."""
    return [str(e["id"]) for e in yaml.safe_load(path.read_text(encoding="utf-8"))["indicators"]]


def article_files(folders: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for folder in folders:
        if folder.is_file():
            out.append(folder)
        elif folder.is_dir():
            out += sorted(p for p in folder.iterdir() if p.suffix in ARTICLE_SUFFIXES)
    return out


def usage(files: Iterable[Path]) -> dict[str, Usage]:
    """Indicator id -> the sentences and articles linked to it."""
    used: dict[str, Usage] = defaultdict(Usage)
    for path in files:
        for f in figures_of(read_article(path)):
            if f.indicator:
                used[f.indicator].sentences.add((path.name, f.sentence_start))
                used[f.indicator].articles.add(path.name)
    return dict(used)
