-- zone: the one definition of the database.
-- Applied by ingest.store.open_db() to a new or existing file, and idempotent: tables and
-- indexes are created IF NOT EXISTS (data untouched); views are dropped and created again,
-- so a database built by an older zone reads through the current definitions.
-- Dates are ISO 8601 text (YYYY-MM-DD); CHECKs reject anything else.

PRAGMA foreign_keys = ON;

-- One transaction, taking the write lock at once: two processes applying the schema
-- together wait for each other instead of failing, and a reader never sees a view
-- between its DROP and its CREATE.
BEGIN IMMEDIATE;

-- Where figures belong: a development zone, a city, a province.
CREATE TABLE IF NOT EXISTS region (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE,                 -- canonical Chinese name, e.g. 沧州经济开发区
    name_en   TEXT,
    level     TEXT NOT NULL CHECK (level IN ('country', 'province', 'city', 'county', 'zone')),
    parent_id INTEGER REFERENCES region(id),
    aliases   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases))  -- JSON list of other names
) STRICT;

-- Every name a region goes by -> the region: its canonical name, its aliases (the catalog's
-- written and generated short forms, stored by ingest.catalog.apply_catalog) and its English
-- name, Latin letters lower-cased. The one lookup of a region by name: track.regions.find_region
-- (zone series, zone brief) and Datasette's canned queries read it with the name in the same
-- form (zone_region_key: trimmed, traditional characters simplified, lower-cased). A view, not
-- a table: a region ingest adds (an unknown zone) is found at once, and nothing can go stale.
DROP VIEW IF EXISTS region_name;
CREATE VIEW region_name AS
SELECT lower(name) AS name, id AS region_id, 'name' AS form FROM region
UNION ALL
SELECT lower(alias.value), region.id, 'alias' FROM region, json_each(region.aliases) AS alias
UNION ALL
SELECT lower(name_en), id, 'english' FROM region WHERE coalesce(name_en, '') <> '';

-- Canonical indicators: what a figure measures, so that figures become series.
-- Rows come from ingest/indicators.yaml; the catalog is re-applied on every ingest.
CREATE TABLE IF NOT EXISTS indicator (
    id         TEXT PRIMARY KEY,                    -- stable slug, e.g. signed_projects
    name       TEXT NOT NULL,                       -- Chinese name
    name_en    TEXT NOT NULL,
    unit       TEXT NOT NULL,                       -- base unit of its figures ("" for an index)
    sector     TEXT NOT NULL,
    definition TEXT NOT NULL DEFAULT '',
    definition_en TEXT NOT NULL DEFAULT ''          -- the same in English, from the dimensions' English names
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

-- The sentences figures stand in, each stored once per article however many figures it holds
-- (a list of 8,000 counts joined by 、 is one row, not 8,000 copies). Written with the article's
-- figures in its transaction; a re-ingest replaces them with the figures.
CREATE TABLE IF NOT EXISTS sentence (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL CHECK (start >= 0),  -- character offsets into article.text
    "end"      INTEGER NOT NULL CHECK ("end" >= start),
    text       TEXT NOT NULL,                   -- the whole sentence as extraction read it (folded text)
    UNIQUE (article_id, start, "end")
) STRICT;

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
    sentence_id    INTEGER NOT NULL REFERENCES sentence(id) ON DELETE CASCADE,  -- the sentence it stands in
    indicator_id   TEXT REFERENCES indicator(id),   -- null: unlinked, waits in the review queue
    region_id      INTEGER REFERENCES region(id),
    -- How sure the link is, scored once at ingest (ingest.catalog.link_figures): the best other
    -- indicator in the link's scope (one industry, or zone-wide) and how far its score is below
    -- the link's (negative when only the words of the rival fit). Null: nothing else fits.
    -- The review queue lists linked figures with a small margin as uncertain.
    link_rival     TEXT REFERENCES indicator(id),
    link_margin    REAL,
    -- Why it linked, or did not: the words that named the measure, scope, class, stage and form
    -- and the indicator they make; for an unlinked figure the closest indicators. Written by
    -- ingest from ingest.catalog.link_figures; null for derived figures.
    link_evidence  TEXT,
    CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start),
    CHECK (value_max IS NULL OR value_max >= value),
    UNIQUE (article_id, seq)
) STRICT;

CREATE INDEX IF NOT EXISTS figure_article ON figure (article_id, seq);
-- A sentence's figures (the figure page marks them all), and the foreign-key check when a
-- re-ingest deletes an article's sentences. Also what tells an older database apart: its
-- figure table has no sentence_id, so applying the schema fails there and open_db asks
-- for a rebuild.
CREATE INDEX IF NOT EXISTS figure_sentence ON figure (sentence_id);
CREATE INDEX IF NOT EXISTS figure_series ON figure (indicator_id, region_id, period_end);
CREATE INDEX IF NOT EXISTS figure_sector ON figure (sector, period_end);
CREATE INDEX IF NOT EXISTS figure_unlinked ON figure (article_id) WHERE indicator_id IS NULL;
-- Uncertain links for the review queue: `WHERE link_margin < ?` reads only the few figures
-- with a rival, not every linked figure.
CREATE INDEX IF NOT EXISTS figure_link_margin ON figure (link_margin) WHERE link_margin IS NOT NULL;
-- A zone's dashboard (browse/): its figures by sector and period, its series and review queue.
CREATE INDEX IF NOT EXISTS figure_region ON figure (region_id, sector, period_end);
-- Datasette counts the figures naming an indicator as the runner-up on the indicator's page.
CREATE INDEX IF NOT EXISTS figure_link_rival ON figure (link_rival) WHERE link_rival IS NOT NULL;
-- Datasette's facet on kind (the figure table) counts from this index instead of reading every row.
CREATE INDEX IF NOT EXISTS figure_kind ON figure (kind);
CREATE INDEX IF NOT EXISTS article_region ON article (region_id, published);
-- The brief counts a region's figures per sector and finds its articles from this index alone,
-- without reading the rows (reports.queries: counts, articles in scope).
CREATE INDEX IF NOT EXISTS figure_region_scope ON figure (region_id, kind, indicator_id, sector, article_id);
-- A series' periods without reading the rows: how many, the latest, the cut-off of the latest N
-- (the brief's series), the points of a period before a given article (the change brief).
CREATE INDEX IF NOT EXISTS figure_points ON figure (indicator_id, region_id, kind, unit, period_end, period_start, origin);

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

-- Reviews whose figure is gone (its article re-published with the sentence changed, and no
-- single successor to move the review to): listed by `zone review --orphaned` and in
-- Datasette, never silently applied to nothing. The article is the fkey's prefix.
DROP VIEW IF EXISTS review_orphaned;
CREATE VIEW review_orphaned AS
SELECT r.id AS review_id, r.fkey, r.action, r.indicator_id, r.value, r.period_start, r.period_end, r.note,
       r.reviewed_at, a.id AS article_id, a.title, a.published
FROM review r
LEFT JOIN article a ON a.source_id = substr(r.fkey, 1, instr(r.fkey, '#') - 1)
WHERE NOT EXISTS (SELECT 1 FROM figure f WHERE f.fkey = r.fkey);

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
-- The latest review of each kind per reviewed figure key. Reviews are few beside the figures:
-- figure_current reads them once per query (SQLite materializes this view and indexes it on
-- fkey) instead of four index searches of review per figure, so counting or faceting a million
-- figures as reviewed reads each figure's key once.
DROP VIEW IF EXISTS figure_current;
DROP VIEW IF EXISTS review_latest;
CREATE VIEW review_latest AS
SELECT fkey,
       max(CASE WHEN action IN ('accept', 'reject') THEN id END) AS decided,
       max(CASE WHEN action = 'correct' THEN id END) AS corrected,
       max(CASE WHEN action = 'relink' THEN id END) AS relinked,
       max(CASE WHEN action = 'prefer' THEN id END) AS preferred
FROM review
GROUP BY fkey;

CREATE VIEW figure_current AS
SELECT
    f.id, f.article_id, f.seq, f.fkey, f.origin, f.start, f."end", f.text,
    coalesce(c.value, f.value) AS value,
    CASE WHEN c.value IS NULL THEN f.value_max END AS value_max,
    f.unit, f.qualifier, f.kind, f.direction,
    coalesce(c.period_start, f.period_start) AS period_start,
    coalesce(c.period_end, f.period_end) AS period_end,
    f.period_label, f.subject, f.sector, f.section, f.paragraph,
    -- The sentence, or of a long one (over 600 characters beside the figure) the stretch of 300 on
    -- each side of the figure, as extraction reads it (ingest.extract.blocks.SENTENCE_WINDOW): so
    -- reading figures costs the same however many share a sentence. The whole one is sentence.text.
    f.sentence_id,
    CASE WHEN st."end" - st.start <= 600 + f."end" - f.start THEN st.text
         ELSE substr(st.text, max(0, f.start - st.start - 300) + 1,
                     f."end" - st.start + 300 - max(0, f.start - st.start - 300)) END AS sentence,
    CASE WHEN st."end" - st.start <= 600 + f."end" - f.start THEN st.start
         ELSE st.start + max(0, f.start - st.start - 300) END AS sentence_start,
    CASE WHEN st."end" - st.start <= 600 + f."end" - f.start THEN st."end"
         ELSE min(st."end", f."end" + 300) END AS sentence_end,
    CASE WHEN l.id IS NOT NULL THEN l.indicator_id ELSE f.indicator_id END AS indicator_id,
    f.region_id, f.link_evidence,
    f.value AS extracted_value,
    f.indicator_id AS extracted_indicator_id,
    s.action AS decision,                       -- accept | NULL (rejected rows are not here)
    c.id IS NOT NULL AS corrected,
    l.id IS NOT NULL AS relinked,
    p.id AS preferred_by                        -- review id of the latest 'prefer', or NULL
FROM figure f
-- LEFT JOIN on the key: a query that reads no sentence column skips the join altogether.
LEFT JOIN sentence st ON st.id = f.sentence_id
LEFT JOIN review_latest ON review_latest.fkey = f.fkey
LEFT JOIN review s ON s.id = review_latest.decided
LEFT JOIN review c ON c.id = review_latest.corrected
LEFT JOIN review l ON l.id = review_latest.relinked
LEFT JOIN review p ON p.id = review_latest.preferred
WHERE s.action IS NULL OR s.action <> 'reject';

-- Every linked figure as a point of its series (indicator, region, kind, unit, period), with its
-- source, in its family's unit (written_unit: as the figure has it) and the window it covers. Points of the same series and period from different articles whose values differ
-- by more than 0.5% are in conflict; one point per period is preferred: a reviewer's
-- 'prefer' (the latest), else a reported figure over a derived one, else the latest article.
--
-- Built to be filtered: the window functions are partitioned by the series' columns, and the
-- view shows those columns (indicator, region, kind, unit, period) as ranked, so SQLite pushes
-- `WHERE indicator_id = ?` and any term on them (`period_end >= ?`: the latest periods only)
-- down to the figures before ranking. Figures not relinked by a review are then searched in the figure_series
-- index through figure.indicator_id; relinked ones are found from the review table. Ranking
-- runs on narrow rows (point); sentences and sources are joined to the ranked rows after.
--
-- No pair of points is compared: how far another value is from a point only grows as it
-- moves away from it, so the smallest and largest value of the other articles in the period
-- decide a conflict exactly (articles ordered by id: those before the point's article and
-- those after). The same holds for the 5% test against the period's derived figures and for
-- another value in the same article; the review queue reads both flags from here.
DROP VIEW IF EXISTS series;
CREATE VIEW series AS
WITH point AS (
    SELECT fc.extracted_indicator_id AS indicator_id, fc.region_id, fc.kind, fc.unit, fc.period_start,
           fc.period_end, fc.id, fc.article_id, fc.seq, fc.origin, fc.value, fc.preferred_by, fc.start
    FROM figure_current fc
    WHERE NOT fc.relinked AND fc.extracted_indicator_id IS NOT NULL
    UNION ALL
    SELECT fc.indicator_id, fc.region_id, fc.kind, fc.unit, fc.period_start,
           fc.period_end, fc.id, fc.article_id, fc.seq, fc.origin, fc.value, fc.preferred_by, fc.start
    FROM review                 -- driven by the few relinks (CROSS JOIN: review first), not by the figures
    CROSS JOIN figure_current fc ON fc.fkey = review.fkey
    WHERE review.action = 'relink' AND fc.relinked
      AND review.id = (SELECT max(r.id) FROM review r WHERE r.fkey = review.fkey AND r.action = 'relink')
),
-- A point in its family's unit, so that a series is one line on one axis and the points of a
-- period compare: a growth written in 倍 is a growth in % (增长1.5倍 = +150%; 是上年的1.5倍 =
-- +50%: a multiple written right after 的, qualifiers aside, is the ratio to its base).
-- A share in 成 (tenths, 占…的三成) is a share in % (x10).
-- Amounts are in base units already (亿元, 万元 -> 元: ingest/extract/units.py).
valued AS (
    SELECT v.*, (v.written_value - v.ratio) * v.factor AS value
    FROM (SELECT p.indicator_id, p.region_id, p.kind,
                 CASE WHEN p.kind = 'change' AND p.unit = '倍' THEN '%' WHEN p.unit = '成' THEN '%' ELSE p.unit END AS unit,
                 p.period_start, p.period_end, p.id, p.article_id, p.seq, p.origin, p.preferred_by, a.published,
                 p.value AS written_value,
                 CASE WHEN p.kind = 'change' AND p.unit = '倍' THEN 100 WHEN p.unit = '成' THEN 10 ELSE 1 END AS factor,
                 -- CASE, not AND: SQLite evaluates both sides of an AND in a value, and the
                 -- article's text is read only for a multiple.
                 CASE WHEN p.kind = 'change' AND p.unit = '倍'
                      THEN substr(rtrim(substr(a.text, max(p.start - 5, 1), min(p.start, 6)), '近约超逾达了 '), -1) = '的'
                      ELSE 0 END AS ratio
          FROM point p
          JOIN article a ON a.id = p.article_id) AS v
),
ranked AS (
    SELECT p.indicator_id, p.region_id, p.kind, p.unit, p.period_start, p.period_end, p.id, p.value, p.factor, p.ratio,
           row_number() OVER (PARTITION BY p.indicator_id, p.region_id, p.kind, p.unit, p.period_start, p.period_end
                              ORDER BY p.preferred_by IS NULL, p.preferred_by DESC, p.origin = 'derived',
                                       p.published DESC, p.article_id DESC, p.seq) AS rank,
           min(p.value) OVER (by_article RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before_min,
           max(p.value) OVER (by_article RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before_max,
           min(p.value) OVER (by_article RANGE BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS after_min,
           max(p.value) OVER (by_article RANGE BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS after_max,
           -- CASE rather than FILTER: SQLite 3.40 ignores FILTER in a frame that slides.
           min(CASE WHEN p.origin = 'derived' AND p.value <> 0 THEN p.value END) OVER whole_period AS derived_min,
           max(CASE WHEN p.origin = 'derived' AND p.value <> 0 THEN p.value END) OVER whole_period AS derived_max,
           json_group_array(p.id) FILTER (WHERE p.origin = 'derived' AND p.value <> 0) OVER whole_period AS derived_ids,
           min(CASE WHEN p.origin = 'reported' THEN p.value END) OVER same_article AS article_min,
           max(CASE WHEN p.origin = 'reported' THEN p.value END) OVER same_article AS article_max
    FROM valued p
    WINDOW by_article AS (PARTITION BY p.indicator_id, p.region_id, p.kind, p.unit, p.period_start, p.period_end
                          ORDER BY p.article_id),
           whole_period AS (by_article RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING),
           same_article AS (by_article RANGE BETWEEN CURRENT ROW AND CURRENT ROW)
)
SELECT
    ranked.indicator_id, i.name AS indicator_name, r.name AS region, ranked.period_start, ranked.period_end, ranked.kind,
    fc.direction, ranked.value, (fc.value_max - ranked.ratio) * ranked.factor AS value_max, ranked.unit, fc.qualifier,
    fc.text, fc.origin,
    ranked.rank = 1 AS preferred,
    coalesce(abs(ranked.before_max - ranked.value) > 0.005 * max(abs(ranked.before_max), abs(ranked.value))
             OR abs(ranked.before_min - ranked.value) > 0.005 * max(abs(ranked.before_min), abs(ranked.value))
             OR abs(ranked.after_max - ranked.value) > 0.005 * max(abs(ranked.after_max), abs(ranked.value))
             OR abs(ranked.after_min - ranked.value) > 0.005 * max(abs(ranked.after_min), abs(ranked.value)), 0) AS conflict,
    a.paper, a.published, a.edition, a.title, a.source_id AS article_source_id,
    fc.id AS figure_id, fc.fkey, fc.article_id, fc.subject, fc.sentence,
    ranked.indicator_id || '|' || coalesce(ranked.region_id, '') || '|' || fc.kind || '|' || ranked.unit || '|'
        || coalesce(fc.period_start, '') || '|' || coalesce(fc.period_end, '') AS point_key,
    ranked.region_id, fc.period_label, fc.extracted_value, fc.decision, fc.corrected, fc.relinked, fc.preferred_by,
    fc.origin = 'reported' AND coalesce(abs(ranked.value - ranked.derived_max) > 0.05 * abs(ranked.derived_max)
                                        OR abs(ranked.value - ranked.derived_min) > 0.05 * abs(ranked.derived_min), 0)
        AS disagrees_with_derived,
    fc.origin = 'reported' AND ranked.article_min <> ranked.article_max AS repeated_in_article,
    ranked.derived_ids,         -- JSON list of the period's derived figures (derived_disagreement pairs them)
    fc.unit AS written_unit,    -- the figure's own unit where the point is converted (倍 -> %)
    -- The window the point covers, so that no series line joins a year to a part of one unseen:
    -- year, half, quarter, month, year_to_date (1月 to a later day: 1-8月, 今年以来), months
    -- (whole months within a year), day (a stock as of a day), span (anything else).
    CASE
        WHEN ranked.period_start IS NULL OR ranked.period_end IS NULL THEN NULL
        WHEN ranked.period_start = ranked.period_end THEN 'day'
        WHEN substr(ranked.period_start, 1, 4) <> substr(ranked.period_end, 1, 4) THEN 'span'
        WHEN substr(ranked.period_start, 6) = '01-01' THEN
            CASE substr(ranked.period_end, 6)
                WHEN '12-31' THEN 'year' WHEN '06-30' THEN 'half' WHEN '03-31' THEN 'quarter' WHEN '01-31' THEN 'month'
                ELSE 'year_to_date' END
        WHEN substr(ranked.period_start, 9) <> '01' OR substr(date(ranked.period_end, '+1 day'), 9) <> '01' THEN 'span'
        WHEN substr(ranked.period_start, 6, 2) = substr(ranked.period_end, 6, 2) THEN 'month'
        WHEN substr(ranked.period_start, 6, 2) IN ('04', '07', '10')
             AND substr(ranked.period_end, 6, 2) + 0 = substr(ranked.period_start, 6, 2) + 2 THEN 'quarter'
        WHEN substr(ranked.period_start, 6) = '07-01' AND substr(ranked.period_end, 6) = '12-31' THEN 'half'
        ELSE 'months'
    END AS window
FROM ranked
JOIN figure_current fc ON fc.id = ranked.id
JOIN article a ON a.id = fc.article_id
JOIN indicator i ON i.id = ranked.indicator_id
LEFT JOIN region r ON r.id = ranked.region_id;

-- Figures flagged as conflicting: the same indicator, region, kind and period, different
-- values from different articles. 'preferred' says which one the series shows.
DROP VIEW IF EXISTS conflict;
CREATE VIEW conflict AS
SELECT indicator_id, indicator_name, region, kind, period_start, period_end, value, unit, text, origin,
       preferred, paper, published, title, figure_id, fkey, sentence, point_key
FROM series
WHERE conflict;

-- Reported figures that differ by more than 5% from a figure derived for the same
-- indicator, region, kind and period (a stated share or change implies another value).
DROP VIEW IF EXISTS derived_disagreement;
CREATE VIEW derived_disagreement AS
SELECT r.figure_id AS reported_id, d.id AS derived_id, r.indicator_id, r.region, r.kind,
       r.period_start, r.period_end, r.value AS reported_value, d.value AS derived_value, r.unit,
       round(100.0 * (r.value - d.value) / d.value, 1) AS difference_pct,
       r.paper, r.published, r.title, d.text AS derived_from
FROM series r
JOIN json_each(r.derived_ids) derived
JOIN figure_current d ON d.id = derived.value
WHERE r.disagrees_with_derived AND abs(r.value - d.value) > 0.05 * abs(d.value);

-- What waits for a person: reported figures not yet decided on (accepted, relinked or
-- corrected) that are unlinked, in conflict, contradicted by a derived figure, or linked
-- to an indicator that another figure of the same article fills with another value.
-- Unlinked figures come from the figure_unlinked index; the others from one pass of the
-- series view, which flags all three reasons with window functions.
DROP VIEW IF EXISTS review_queue;
CREATE VIEW review_queue AS
SELECT fc.id AS figure_id, fc.fkey, fc.text, fc.value, fc.unit, fc.kind, fc.subject, fc.sentence,
       fc.indicator_id, fc.period_start, fc.period_end, a.paper, a.published, a.title, 'unlinked' AS reason,
       fc.link_evidence
FROM figure_current fc
JOIN article a ON a.id = fc.article_id
WHERE fc.extracted_indicator_id IS NULL AND NOT fc.relinked
  AND fc.origin = 'reported' AND fc.decision IS NULL AND NOT fc.corrected
UNION ALL
SELECT s.figure_id, s.fkey, s.text, s.value, s.unit, s.kind, s.subject, s.sentence,
       s.indicator_id, s.period_start, s.period_end, s.paper, s.published, s.title,
       CASE
           WHEN s.conflict THEN 'conflict'
           WHEN s.disagrees_with_derived THEN 'disagrees with derived'
           ELSE 'same indicator twice in article'
       END,
       (SELECT f.link_evidence FROM figure f WHERE f.id = s.figure_id)
FROM series s
WHERE s.origin = 'reported' AND s.decision IS NULL AND NOT s.corrected AND NOT s.relinked
  AND (s.conflict OR s.disagrees_with_derived OR s.repeated_in_article);

-- ---------------------------------------------------------------- search (issue 11)

-- Full-text search of Chinese text. The columns hold segmented text written by
-- ingest/store.py (search_text: each run of Han characters as its overlapping bigrams and
-- its last character), in the transaction that writes the article; browse/search.py rewrites
-- a query the same way (产值 -> the phrase "产值", 签约项目 -> "签约 约项 项目", 汽 -> "汽"*).
-- rowid is the article's id / the figure's id, so Datasette's search (fts_table, fts_pk in
-- browse/metadata.yaml) filters tables and views by it. Reported figures only: derived ones
-- are recomputed by `zone review` outside ingest.
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(title, text, tokenize = 'unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS figure_fts USING fts5(subject, clause, tokenize = 'unicode61');

-- Whatever deletes an article or a figure (re-ingest, cascade, by hand) deletes its search row.
DROP TRIGGER IF EXISTS article_fts_delete;
CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
    DELETE FROM article_fts WHERE rowid = old.id;
END;
DROP TRIGGER IF EXISTS figure_fts_delete;
CREATE TRIGGER figure_fts_delete AFTER DELETE ON figure BEGIN
    DELETE FROM figure_fts WHERE rowid = old.id;
END;

-- ---------------------------------------------------------------- browsing (issue 11)

-- Each figure as reviewed, with its article and region: the view people browse first.
-- Rejected figures are left out, corrections and relinks shown (figure_current).
DROP VIEW IF EXISTS figure_detail;
CREATE VIEW figure_detail AS
SELECT
    fc.id AS figure_id,
    fc.text,
    fc.value,
    fc.period_start,
    fc.period_end,
    fc.subject,
    fc.sentence,
    fc.sector,
    fc.kind,
    fc.qualifier,
    fc.unit,
    fc.indicator_id,
    region.name AS region,
    article.paper,
    article.published,
    article.title,
    fc.origin,
    fc.corrected,
    fc.extracted_value,
    fc.value_max,
    article.edition,
    article.source_id,
    fc.article_id,
    fc.paragraph
FROM figure_current fc
-- LEFT JOIN although every figure has its article (NOT NULL, foreign key): a join on a key
-- whose columns are unused is left out, so counting this view reads no article.
LEFT JOIN article ON article.id = fc.article_id
LEFT JOIN region ON region.id = fc.region_id;

-- The review queue exactly as `zone review` lists it (track/review.py queue()): the
-- review_queue view plus linked, undecided figures whose runner-up indicator scored within
-- 15 points (track.review.UNCERTAIN_MARGIN) of the link, found through figure_link_margin.
DROP VIEW IF EXISTS review_waiting;
CREATE VIEW review_waiting AS
WITH queued AS MATERIALIZED (
    SELECT figure_id, fkey, text, value, unit, kind, subject, sentence, indicator_id, period_start, period_end,
           paper, published, title, reason, link_evidence
    FROM review_queue
)
SELECT * FROM queued
UNION ALL
SELECT fc.id, fc.fkey, fc.text, fc.value, fc.unit, fc.kind, fc.subject, fc.sentence, fc.indicator_id,
       fc.period_start, fc.period_end, a.paper, a.published, a.title, 'uncertain: also fits ' || f.link_rival,
       f.link_evidence
FROM figure f
JOIN figure_current fc ON fc.id = f.id
JOIN article a ON a.id = fc.article_id
WHERE f.link_margin < 15 AND f.indicator_id IS NOT NULL
  AND fc.origin = 'reported' AND fc.decision IS NULL AND NOT fc.relinked AND NOT fc.corrected
  AND f.id NOT IN (SELECT figure_id FROM queued);

COMMIT;
