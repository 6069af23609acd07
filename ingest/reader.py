"""The article reader's public names, as the rest of zone imports them (from ingest.reader import
read_article, ArticleError, fold, ...). The code lives in the package ingest.read: see its
docstring for the formats and the module that reads each."""
from __future__ import annotations

from common.width import display_width
from ingest.model import Article, ArticleError, Paragraph
from ingest.read.body import Body, digest
from ingest.read.boilerplate import BOILERPLATE_MAX, boilerplate, is_byline, is_nav_bar, paper_from_meta
from ingest.read.dates import as_date, parse_date, parse_loose_date
from ingest.read.decode import decode
from ingest.read.enp import parse_enpproperty
from ingest.read.htmltree import line_index, offset_of
from ingest.read.lines import source_lines
from ingest.read.offsets import BLANK, CELL_SEPARATOR, Line, take
from ingest.read.read import Overrides, read_article
from ingest.read.text import FOLD_TABLE, fold, is_traditional, source_id, t2s_table, to_simplified
from ingest.read.units import HEADING_MAX, SENTENCE_END, Unit, Wrap, detect_wrap, ends_sentence, group_lines, looks_like_heading

# The names ingest.html used to import from here.
_FOLD_TABLE = FOLD_TABLE
_source_id = source_id

__all__ = ["Article", "ArticleError", "Paragraph", "Body", "digest", "BOILERPLATE_MAX", "boilerplate", "is_byline",
           "is_nav_bar", "paper_from_meta", "as_date", "parse_date", "parse_loose_date", "decode",
           "parse_enpproperty", "line_index", "offset_of", "source_lines", "BLANK", "CELL_SEPARATOR", "Line",
           "take", "Overrides", "read_article", "FOLD_TABLE", "display_width", "fold", "is_traditional",
           "source_id", "t2s_table", "to_simplified", "HEADING_MAX", "SENTENCE_END", "Unit", "Wrap",
           "detect_wrap", "ends_sentence", "group_lines", "looks_like_heading"]
