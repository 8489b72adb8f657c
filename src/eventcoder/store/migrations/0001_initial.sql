-- 0001_initial: documents and the events extracted from each of them.
--
-- Layering (why the tables look like this):
--   * `documents` holds each ingested article once (unique id, unique content hash).
--   * `events`, `claims`, `evidence` and `sources` form the EXTRACTED layer: what the pipeline found in ONE
--     document.  Every row belongs to exactly one document (`events.doc_id`), so re-extracting a document with a
--     newer pipeline can delete and rewrite that document's rows without touching anything else.  Nothing
--     downstream should ever edit these rows in place.
--   * Later migrations add the layers built ON TOP of it, referring to extracted events by their stable id:
--       - merged events from cross-document fusion, with merge records (which extracted events were joined,
--         why, how each toll was chosen) -- recomputable at any time from the extracted layer;
--       - human review edits (field overrides, merges, splits, rejections) keyed by event id and field, stored
--         separately so that they survive re-extraction and are re-applied to the new extraction.
--   The flat columns of `events` exist for filtering and exports; `record` holds the full Event.to_json(), which
--   is the source of truth when reading an event back.
--
-- No foreign-key constraints: DuckDB cannot cascade deletes, and the Store writes parent and children in one
-- transaction anyway.

CREATE TABLE documents (
    id           TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,   -- sha256 of the normalised text
    text         TEXT NOT NULL,
    published    TEXT,                   -- YYYY, YYYY-MM or YYYY-MM-DD, as the source gives it
    lang         TEXT,
    url          TEXT,
    title        TEXT,
    outlet       TEXT,
    path         TEXT,
    headings     JSON,                   -- [[start, end], ...] character ranges of heading lines
    ingested_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE events (
    id             TEXT PRIMARY KEY,
    doc_id         TEXT NOT NULL,        -- the document this event was extracted from
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    date_start     DATE,
    date_end       DATE,
    date_precision TEXT,
    country        TEXT,                 -- ISO 3166-1 alpha-2
    admin1         TEXT,
    location_name  TEXT,
    lat            DOUBLE,
    lon            DOUBLE,
    geo_precision  TEXT,
    actor1         TEXT,
    actor1_type    TEXT,
    actor2         TEXT,
    actor2_type    TEXT,
    fatalities_low  INTEGER,
    fatalities_best INTEGER,
    fatalities_high INTEGER,
    injured_low    INTEGER,
    background     BOOLEAN NOT NULL,
    confidence     DOUBLE NOT NULL,
    record         JSON NOT NULL         -- Event.to_json(): the lossless record
);

CREATE INDEX events_doc_id ON events (doc_id);
CREATE INDEX events_date_start ON events (date_start);

CREATE TABLE claims (
    event_id  TEXT NOT NULL,
    ordinal   INTEGER NOT NULL,          -- position in Event.claims
    kind      TEXT NOT NULL,
    low       INTEGER NOT NULL,
    high      INTEGER,
    qualifier TEXT NOT NULL,
    victims   TEXT NOT NULL,
    claimant  TEXT,
    doc_id    TEXT NOT NULL,             -- the claim's evidence span
    "start"   INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (event_id, ordinal)
);

-- Every span an event carries, one row each (role: trigger, evidence, date, place, actor1, actor2, claim,
-- claimant), so that spans can be searched and highlighted without parsing the JSON record.
CREATE TABLE evidence (
    event_id TEXT NOT NULL,
    ordinal  INTEGER NOT NULL,           -- running number over all spans of the event
    role     TEXT NOT NULL,
    doc_id   TEXT NOT NULL,
    "start"  INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (event_id, ordinal)
);

CREATE TABLE sources (
    event_id  TEXT NOT NULL,
    ordinal   INTEGER NOT NULL,          -- position in Event.sources
    doc_id    TEXT NOT NULL,
    url       TEXT,
    outlet    TEXT,
    published TEXT,
    PRIMARY KEY (event_id, ordinal)
);
