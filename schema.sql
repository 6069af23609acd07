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

-- ---------------------------------------------------------------- tracking (issue 4)

-- Which catalog (ingest/indicators.yaml + regions.yaml, by hash) the indicator and region
-- rows were last written from: ingest re-applies the catalog only when it changed.
CREATE TABLE IF NOT EXISTS catalog_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version TEXT NOT NULL
) STRICT;

-- Figures as a person has reviewed them: the latest review of each kind per fkey is
-- applied on reading, so reviews survive re-ingesting and re-extracting. Rejected
-- figures are hidden; 'relink' replaces the indicator, 'correct' the value and period
-- (value_max is dropped when the value is corrected), 'prefer' wins a conflict.
CREATE VIEW IF NOT EXISTS figure_current AS
SELECT
    f.id, f.article_id, f.seq, f.fkey, f.origin, f.start, f."end", f.text,
    coalesce(c.value, f.value) AS value,
    CASE WHEN c.value IS NULL THEN f.value_max END AS value_max,
    f.unit, f.qualifier, f.kind, f.direction,
    coalesce(c.period_start, f.period_start) AS period_start,
    coalesce(c.period_end, f.period_end) AS period_end,
    f.period_label, f.subject, f.sector, f.section, f.paragraph, f.sentence, f.sentence_start, f.sentence_end,
    CASE WHEN l.id IS NOT NULL THEN l.indicator_id ELSE f.indicator_id END AS indicator_id,
    f.region_id,
    f.value AS extracted_value,
    f.indicator_id AS extracted_indicator_id,
    s.action AS decision,                       -- accept | NULL (rejected rows are not here)
    c.id IS NOT NULL AS corrected,
    l.id IS NOT NULL AS relinked,
    p.id AS preferred_by                        -- review id of the latest 'prefer', or NULL
FROM figure f
LEFT JOIN review s ON s.id = (SELECT max(id) FROM review WHERE fkey = f.fkey AND action IN ('accept', 'reject'))
LEFT JOIN review c ON c.id = (SELECT max(id) FROM review WHERE fkey = f.fkey AND action = 'correct')
LEFT JOIN review l ON l.id = (SELECT max(id) FROM review WHERE fkey = f.fkey AND action = 'relink')
LEFT JOIN review p ON p.id = (SELECT max(id) FROM review WHERE fkey = f.fkey AND action = 'prefer')
WHERE s.action IS NULL OR s.action <> 'reject';

-- Every linked figure as a point of its series (indicator, region, kind, unit, period), with its
-- source. Points of the same series and period from different articles whose values differ
-- by more than 0.5% are in conflict; one point per period is preferred: a reviewer's
-- 'prefer' (the latest), else a reported figure over a derived one, else the latest article.
CREATE VIEW IF NOT EXISTS series AS
WITH point AS (
    SELECT fc.*, a.published, a.paper, a.edition, a.title, a.source_id AS article_source_id,
           i.name AS indicator_name, r.name AS region,
           fc.indicator_id || '|' || coalesce(fc.region_id, '') || '|' || fc.kind || '|' || fc.unit || '|'
               || coalesce(fc.period_start, '') || '|' || coalesce(fc.period_end, '') AS point_key
    FROM figure_current fc
    JOIN article a ON a.id = fc.article_id
    JOIN indicator i ON i.id = fc.indicator_id
    LEFT JOIN region r ON r.id = fc.region_id
)
SELECT
    p.indicator_id, p.indicator_name, p.region, p.period_start, p.period_end, p.kind, p.direction,
    p.value, p.value_max, p.unit, p.qualifier, p.text, p.origin,
    row_number() OVER (PARTITION BY p.point_key
                       ORDER BY p.preferred_by IS NULL, p.preferred_by DESC, p.origin = 'derived',
                                p.published DESC, p.article_id DESC, p.seq) = 1 AS preferred,
    EXISTS (SELECT 1 FROM point q
            WHERE q.point_key = p.point_key AND q.article_id <> p.article_id
              AND abs(q.value - p.value) > 0.005 * max(abs(q.value), abs(p.value))) AS conflict,
    p.paper, p.published, p.edition, p.title, p.article_source_id,
    p.id AS figure_id, p.fkey, p.article_id, p.subject, p.sentence, p.point_key
FROM point p;

-- Figures flagged as conflicting: the same indicator, region, kind and period, different
-- values from different articles. 'preferred' says which one the series shows.
CREATE VIEW IF NOT EXISTS conflict AS
SELECT indicator_id, indicator_name, region, kind, period_start, period_end, value, unit, text, origin,
       preferred, paper, published, title, figure_id, fkey, sentence, point_key
FROM series
WHERE conflict;

-- Reported figures that differ by more than 5% from a figure derived for the same
-- indicator, region, kind and period (a stated share or change implies another value).
CREATE VIEW IF NOT EXISTS derived_disagreement AS
SELECT r.figure_id AS reported_id, d.figure_id AS derived_id, r.indicator_id, r.region, r.kind,
       r.period_start, r.period_end, r.value AS reported_value, d.value AS derived_value, r.unit,
       round(100.0 * (r.value - d.value) / d.value, 1) AS difference_pct,
       r.paper, r.published, r.title, d.text AS derived_from
FROM series r
JOIN series d ON d.point_key = r.point_key AND d.origin = 'derived'
WHERE r.origin = 'reported' AND d.value <> 0 AND abs(r.value - d.value) > 0.05 * abs(d.value);

-- What waits for a person: reported figures not yet decided on (accepted, relinked or
-- corrected) that are unlinked, in conflict, contradicted by a derived figure, or linked
-- to an indicator that another figure of the same article fills with another value.
CREATE VIEW IF NOT EXISTS review_queue AS
SELECT fc.id AS figure_id, fc.fkey, fc.text, fc.value, fc.unit, fc.kind, fc.subject, fc.sentence,
       fc.indicator_id, fc.period_start, fc.period_end, a.paper, a.published, a.title,
       CASE
           WHEN fc.indicator_id IS NULL THEN 'unlinked'
           WHEN EXISTS (SELECT 1 FROM conflict WHERE conflict.figure_id = fc.id) THEN 'conflict'
           WHEN EXISTS (SELECT 1 FROM derived_disagreement d WHERE d.reported_id = fc.id) THEN 'disagrees with derived'
           WHEN EXISTS (SELECT 1 FROM figure_current o
                        WHERE o.article_id = fc.article_id AND o.id <> fc.id AND o.origin = 'reported'
                          AND o.indicator_id = fc.indicator_id AND o.region_id IS fc.region_id AND o.kind = fc.kind
                          AND o.unit = fc.unit
                          AND o.period_start IS fc.period_start AND o.period_end IS fc.period_end
                          AND o.value <> fc.value) THEN 'same indicator twice in article'
       END AS reason
FROM figure_current fc
JOIN article a ON a.id = fc.article_id
WHERE fc.origin = 'reported' AND fc.decision IS NULL AND NOT fc.corrected AND NOT fc.relinked
  AND reason IS NOT NULL;
