-- zone: the one definition of the database.
-- Applied by ingest.store.open_db() to a new or existing file; every statement is
-- idempotent (IF NOT EXISTS), so re-applying it to a built database changes nothing.
-- Dates are ISO 8601 text (YYYY-MM-DD); CHECKs reject anything else.

PRAGMA foreign_keys = ON;

-- Where figures belong: a development zone, a city, a province.
CREATE TABLE IF NOT EXISTS region (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE,                 -- canonical Chinese name, e.g. 沧州经济开发区
    name_en   TEXT,
    level     TEXT NOT NULL CHECK (level IN ('country', 'province', 'city', 'county', 'zone')),
    parent_id INTEGER REFERENCES region(id),
    aliases   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases))  -- JSON list of other names
) STRICT;

-- Canonical indicators: what a figure measures, so that figures become series.
-- Rows come from ingest/indicators.yaml; the catalog is re-applied on every ingest.
CREATE TABLE IF NOT EXISTS indicator (
    id         TEXT PRIMARY KEY,                    -- stable slug, e.g. signed_projects
    name       TEXT NOT NULL,                       -- Chinese name
    name_en    TEXT NOT NULL,
    unit       TEXT NOT NULL,                       -- base unit of its figures ("" for an index)
    sector     TEXT NOT NULL,
    definition TEXT NOT NULL DEFAULT ''
) STRICT;

-- One row per source article file.
CREATE TABLE IF NOT EXISTS article (
    id                INTEGER PRIMARY KEY,
    source_id         TEXT NOT NULL UNIQUE,         -- stable identity across re-ingests, e.g. 沧州日报/content_66129
    paper             TEXT,                         -- newspaper or site, e.g. 沧州日报
    published         TEXT NOT NULL CHECK (published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(published) = published),
    edition           TEXT,                         -- e.g. 第08版:08
    page              TEXT,                         -- page file or page number, e.g. content_66129.html
    title             TEXT NOT NULL,
    url               TEXT,
    region_id         INTEGER REFERENCES region(id),  -- the region the article is about
    path              TEXT NOT NULL,                -- file it was read from, as given to ingest
    format            TEXT NOT NULL CHECK (format IN ('epaper-text', 'founder-html', 'html', 'markdown', 'text')),
    encoding          TEXT NOT NULL,
    sha256            TEXT NOT NULL,                -- of the file's bytes: a changed file replaces its figures
    extractor_version TEXT NOT NULL,                -- re-extract when the rules improve
    text              TEXT NOT NULL,                -- decoded file text, newlines untouched; figure offsets point here
    ingested_at       TEXT NOT NULL                 -- UTC timestamp of the last (re)ingest
) STRICT;

CREATE INDEX IF NOT EXISTS article_published ON article (published);

-- Every figure extracted from an article (kind reported) or computed from others (kind derived).
CREATE TABLE IF NOT EXISTS figure (
    id             INTEGER PRIMARY KEY,
    article_id     INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,                -- order within the article
    fkey           TEXT NOT NULL UNIQUE,            -- stable key (article, sentence, text, occurrence): reviews attach here
    origin         TEXT NOT NULL DEFAULT 'reported' CHECK (origin IN ('reported', 'derived')),
    start          INTEGER NOT NULL CHECK (start >= 0),  -- character offsets into article.text
    "end"          INTEGER NOT NULL CHECK ("end" > start),
    text           TEXT NOT NULL,                   -- the figure as written, e.g. 32.21亿元
    value          REAL NOT NULL,                   -- in base units: 32.21亿元 -> 3221000000
    value_max      REAL,                            -- upper bound of a range
    unit           TEXT NOT NULL,                   -- base unit or classifier: 元, 吨, 家, %, "" for an index
    qualifier      TEXT NOT NULL CHECK (qualifier IN ('exact', 'approx', 'more_than', 'at_least', 'less_than', 'at_most', 'range', 'order_of_magnitude')),
    kind           TEXT NOT NULL CHECK (kind IN ('level', 'share', 'change', 'target')),
    direction      TEXT CHECK (direction IN ('up', 'down')),
    period_start   TEXT CHECK (period_start IS NULL OR date(period_start) = period_start),
    period_end     TEXT CHECK (period_end IS NULL OR date(period_end) = period_end),
    period_label   TEXT,                            -- the words that set the period, e.g. 2021年, 今年以来
    subject        TEXT NOT NULL,                   -- what is measured, in Chinese
    sector         TEXT NOT NULL,
    section        TEXT,                            -- the article's section heading above the paragraph
    paragraph      INTEGER NOT NULL,                -- paragraph number within the article, from 1
    sentence       TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    indicator_id   TEXT REFERENCES indicator(id),   -- null: unlinked, waits in the review queue
    region_id      INTEGER REFERENCES region(id),
    CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start),
    CHECK (value_max IS NULL OR value_max >= value),
    UNIQUE (article_id, seq)
) STRICT;

CREATE INDEX IF NOT EXISTS figure_article ON figure (article_id, seq);
CREATE INDEX IF NOT EXISTS figure_series ON figure (indicator_id, region_id, period_end);
CREATE INDEX IF NOT EXISTS figure_sector ON figure (sector, period_end);
CREATE INDEX IF NOT EXISTS figure_unlinked ON figure (article_id) WHERE indicator_id IS NULL;

-- Derived figures name the figures they were computed from.
CREATE TABLE IF NOT EXISTS figure_source (
    figure_id INTEGER NOT NULL REFERENCES figure(id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES figure(id) ON DELETE CASCADE,
    PRIMARY KEY (figure_id, source_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS figure_source_source ON figure_source (source_id);

-- A person's decisions on figures. Kept apart from extraction output and keyed on
-- figure.fkey, so they survive re-ingesting and re-extracting.
CREATE TABLE IF NOT EXISTS review (
    id           INTEGER PRIMARY KEY,
    fkey         TEXT NOT NULL,
    action       TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'relink', 'correct', 'prefer')),
    indicator_id TEXT REFERENCES indicator(id),
    value        REAL,
    period_start TEXT CHECK (period_start IS NULL OR date(period_start) = period_start),
    period_end   TEXT CHECK (period_end IS NULL OR date(period_end) = period_end),
    note         TEXT,
    reviewed_at  TEXT NOT NULL
) STRICT;

CREATE INDEX IF NOT EXISTS review_fkey ON review (fkey, id);

-- Each figure with the article it comes from: the view people browse first.
CREATE VIEW IF NOT EXISTS figure_detail AS
SELECT
    figure.id AS figure_id,
    figure.text,
    figure.value,
    figure.unit,
    figure.period_start,
    figure.period_end,
    figure.subject,
    figure.sector,
    figure.sentence,
    article.paper,
    article.published,
    article.edition,
    article.title,
    article.source_id
FROM figure JOIN article ON article.id = figure.article_id;
