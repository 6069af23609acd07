"""The plain data that flows from article files to database rows.

Readers (ingest.reader) make an Article; the extractor (ingest.extract) turns its
paragraphs into Figures; ingest.store writes both. Nothing here touches files or SQL.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range", "order_of_magnitude")
KINDS = ("level", "share", "change", "target")
FORMATS = ("epaper-text", "founder-html", "html", "markdown", "text")


class ArticleError(ValueError):
    """An article file that cannot be read; the message names the reason, the caller adds the file."""


@dataclass(frozen=True)
class Paragraph:
    """A block of running text with a map back into the article's source text.

    ``text`` is what extraction reads: whitespace from hard-wrapped lines removed,
    full-width digits and punctuation folded to ASCII, HTML entities decoded.
    ``offsets[i]`` is the position in ``Article.source`` of ``text[i]``, so any span
    found in ``text`` can be reported true to the file.
    """

    index: int                      # 1-based position among the article's paragraphs
    text: str
    offsets: tuple[int, ...]
    section: str | None = None      # the nearest heading above it

    def source_span(self, i: int, j: int) -> tuple[int, int]:
        """Source offsets [start, end) of ``text[i:j]``."""
        return self.offsets[i], self.offsets[j - 1] + 1


@dataclass
class Article:
    path: str                       # as given by the user
    source: str                     # the decoded file text, newlines untouched
    encoding: str                   # utf-8, utf-8-sig or gb18030
    sha256: str                     # of the file's bytes
    format: str                     # one of FORMATS
    published: date | None           # None until the reader or the user gives one (read.py refuses an article without)
    title: str
    source_id: str                  # stable identity, e.g. 沧州日报/content_66129
    paragraphs: list[Paragraph] = field(default_factory=list)
    headings: list[Paragraph] = field(default_factory=list)
    paper: str | None = None
    edition: str | None = None      # e.g. 第08版:08
    page: str | None = None         # e.g. content_66129.html
    url: str | None = None
    region: str | None = None       # the region the article is about, when the source says so

    @property
    def day(self) -> date:
        """The publication date, for what comes after reading: read_article refuses an article
        that has none (a reader may leave it unset for the file name or --date to give)."""
        if self.published is None:
            raise ValueError(f"{self.path}: article has no publication date")
        return self.published


@dataclass(frozen=True)
class Sentence:
    """A whole sentence as extraction read it (folded text) and its source offsets. The
    figures of one sentence share one object, and ingest.store writes it once."""

    start: int
    end: int
    text: str


@dataclass
class Figure:
    """One dated number with its unit, as the article states it."""

    start: int                      # offsets into Article.source
    end: int
    text: str                       # == Article.source[start:end]
    value: float                    # in base units
    unit: str                       # base unit or classifier, "" for a bare index
    qualifier: str = "exact"
    kind: str = "level"
    value_max: float | None = None
    direction: str | None = None    # for kind == "change": up | down
    period_start: str | None = None  # ISO dates
    period_end: str | None = None
    period_label: str | None = None  # the words that set the period
    subject: str = ""
    sector: str = ""
    section: str | None = None
    paragraph: int = 0
    # The sentence, or of an over-long one the stretch around the figure (what linking reads,
    # see ingest.extract.blocks.SENTENCE_WINDOW), and its source offsets.
    sentence: str = ""
    sentence_start: int = 0
    sentence_end: int = 0
    # The whole sentence, stored once however many figures it holds; None: ``sentence`` is
    # whole. Not in JSON output, where it would repeat once per figure.
    whole_sentence: Sentence | None = None
    indicator: str | None = None    # catalog id, or None when unlinked
    region: str | None = None       # region name
    # How sure the link is: the best other indicator in the link's scope and how far its
    # score falls below the link's (negative when only the rival's rule fits the words).
    # None when no other indicator fits; set by ingest.catalog.link_figures.
    link_rival: str | None = None
    link_margin: float | None = None
    # The words that gave the link: which words named the measure, scope, class, stage and
    # form, and the indicator they make; for an unlinked figure why, with the closest
    # indicators as candidates. Set by ingest.catalog.link_figures.
    link_evidence: str = ""
    # Why the extractor gave this kind and period (the rule and the words that decided), for
    # `zone extract --explain`; not stored.
    why_kind: str = ""
    why_period: str = ""

    def as_json(self) -> dict[str, Any]:
        row = asdict(self)
        del row["whole_sentence"]
        # JSON consumers expect integers where the value is whole (41家 -> 41, not 41.0).
        for key in ("value", "value_max"):
            v = row[key]
            if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
                row[key] = int(v)
        return row
