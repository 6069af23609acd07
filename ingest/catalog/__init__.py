"""The catalog of indicators and regions, and linking figures to them.

dimensions.yaml, indicators.yaml, regions_cn.yaml and regions.yaml beside this package are
the human-edited source. They are read once per process (load_catalog), written into the
database's indicator and region tables by apply_catalog, and used by link_figures to give
every extracted Figure an indicator (or None: it then waits in the review queue), a region
and the evidence of its link.

    model.py       the data: measures, scopes, classes, stages, indicators (keys), regions
    load.py        reading the catalog files, once per process and again when one changes
    dimensions.py  reading and checking dimensions.yaml (one-line errors naming file and entry)
    indicators.py  reading and checking indicators.yaml
    places.py      reading regions: regions_cn.yaml, extended by regions.yaml
    link.py        figures -> dimensions -> indicator, with evidence
    words.py       what linking reads about a figure (Context) and the dimensions read (Parsed)
    parse.py       a figure's form and measure, from the words around its number
    fill.py        a figure's scope, classes, stages and currency, once its measure is known
    regions.py     the region of an article and of each figure
    db.py          the catalog into the database
"""
from ingest.catalog.db import apply_catalog
from ingest.catalog.link import Context, Link, Parsed, decide, figure_contexts, link_figures, match_text, parse
from ingest.catalog.load import catalog, load_catalog
from ingest.catalog.model import (
                                  DIMENSIONS_PATH,
                                  INDICATORS_PATH,
                                  LEVELS,
                                  NATIONAL_REGIONS_PATH,
                                  REGIONS_PATH,
                                  Catalog,
                                  CatalogError,
                                  Indicator,
                                  Key,
                                  Region,
)
from ingest.catalog.regions import detect_region, figure_region, region_of_text

__all__ = ["Catalog", "CatalogError", "Context", "DIMENSIONS_PATH", "INDICATORS_PATH", "Indicator", "Key", "LEVELS", "Link",
           "NATIONAL_REGIONS_PATH", "Parsed", "REGIONS_PATH", "Region", "apply_catalog", "catalog", "decide",
           "detect_region", "figure_contexts", "figure_region", "link_figures", "load_catalog", "match_text", "parse",
           "region_of_text"]
