"""Find every figure an analyst would record in an article: value, unit, qualifier,
kind, period, subject and sector, each pointing back to its sentence.

The pipeline per block of text (title, headings, paragraphs):

1. scan numbers with what is glued to them (qualifiers, 余/多, multipliers, units);
2. join ranges (5至10万元) and lists whose last member carries the unit (12、15、18亿元);
3. drop what is not a figure (years, ordinals, names with numerals, road numbers ...);
4. cut the block into sentences and clauses; give each figure its kind from the words
   just before it and its period from the time phrases that govern it (ingest.periods).

One module per decision, in pipeline order; a module imports only from the ones above it:

    units         the UNITS table, classifier sets, qualifiers
    sectors       SECTORS and sector_of
    clauses       where sentences and clauses begin and end
    phrases       noun phrases trimmed to read as a subject
    nonfigures    numbers that are no figures (ranks, set phrases, clock times ...)
    scan          numbers with their units and qualifiers, round amounts, halves
    figure_atoms  ranges, lists, structure ratios, index values, implied units
    scope         which time phrase governs a position
    context       what is carried while a block is read
    kinds         change, share or level
    subjects      what a figure measures; 分别 lists
    attributes    sizes of projects, places and plants as described
    targets       cues of intent that make a figure a goal
    goals         estimates, money obtained, goal sections
    timing        own and inherited periods; time phrases carried on
    stocks        stocks held on a day against flows; 截至 days
    frames        periods of the title, the lead and the event of an article
    sentence      the figures of one sentence part, decided in steps
    tables        figures from table rows
    blocks        an article's blocks in order: extract_figures

Names with a leading underscore are private to the package; the public ones are re-exported
here, so `from ingest.extract import ...` works as it did when this was one module.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ingest.extract.blocks import extract_figures, figures_in_text
from ingest.extract.phrases import SUBJECT_MAX
from ingest.extract.sectors import SECTORS, sector_of
from ingest.extract.tables import CELL
from ingest.extract.units import (
    CHINESE_NUMERAL_UNITS,
    CLASSIFIER_UNITS,
    DURATION_UNITS,
    NOT_A_CLASSIFIER_BEFORE,
    QUALIFIER_OF,
    UNITS,
)

_INGEST = Path(__file__).resolve().parent.parent


def _rules_digest(root: Path = _INGEST) -> str:
    """A digest of the code that turns an article into figures (every module of ingest/):
    part of the version stored with each article, so that changed rules re-extract and
    re-link stored articles on the next ingest without anyone remembering to bump a number."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


EXTRACTOR_VERSION = f"2.3-{_rules_digest()}"  # 2.3: rules of stop 16

__all__ = ["EXTRACTOR_VERSION", "extract_figures", "figures_in_text", "sector_of", "SECTORS", "UNITS",
           "DURATION_UNITS", "CHINESE_NUMERAL_UNITS", "NOT_A_CLASSIFIER_BEFORE", "CLASSIFIER_UNITS", "QUALIFIER_OF",
           "SUBJECT_MAX", "CELL"]
