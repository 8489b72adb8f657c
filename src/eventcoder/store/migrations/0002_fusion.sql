-- 0002_fusion: the FUSED layer on top of the extracted one, and the human decisions that fusion respects.
--
--   * `merged_events` holds one row per real-world event (a group of per-document events, possibly of one).
--     Its flat columns mirror `events` for filtering and exports; `record` is the merged Event.to_json().
--   * `merged_members` maps every per-document event to exactly one merged event (primary key event_id).
--   * `merge_records` says which reports were joined, with which scores and rule, and how each toll figure was
--     chosen (fusion.MergeRecord.to_json()).
--   These three are recomputable at any time from `events` + `fusion_overrides`: re-fusion deletes and rewrites
--   the merged events of the groups it touches, in one transaction.
--   * `fusion_overrides` holds human decisions (same_event, different_events, reject, field), keyed by
--     per-document event ids, which never change; so a decision survives re-fusion even when the merged event it
--     was made on gets a new id.  Fusion never writes this table.
--   * `review_log` is the audit log of the review UI: who did what, before and after.  Fusion never writes it.

CREATE TABLE merged_events (
    id             TEXT PRIMARY KEY,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    date_start     DATE,
    date_end       DATE,
    date_precision TEXT,
    country        TEXT,
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
    n_sources      INTEGER NOT NULL,     -- distinct documents
    rejected       BOOLEAN NOT NULL DEFAULT false,  -- a human `reject` decision on one of its members
    record         JSON NOT NULL,
    fused_at       TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE INDEX merged_events_date_start ON merged_events (date_start);

CREATE TABLE merged_members (
    event_id  TEXT PRIMARY KEY,          -- a per-document event (events.id)
    merged_id TEXT NOT NULL,
    doc_id    TEXT NOT NULL
);

CREATE INDEX merged_members_merged_id ON merged_members (merged_id);

CREATE TABLE merge_records (
    merged_id TEXT PRIMARY KEY,
    rule      TEXT NOT NULL,             -- single report, linked reports, human decision
    record    JSON NOT NULL
);

CREATE SEQUENCE fusion_overrides_seq START 1;

CREATE TABLE fusion_overrides (
    id         INTEGER PRIMARY KEY DEFAULT nextval('fusion_overrides_seq'),
    decision   TEXT NOT NULL,            -- same_event, different_events, reject, field
    event_id   TEXT NOT NULL,
    other_id   TEXT,
    field      TEXT,
    value      JSON,
    author     TEXT,
    note       TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE review_log_seq START 1;

CREATE TABLE review_log (
    id         INTEGER PRIMARY KEY DEFAULT nextval('review_log_seq'),
    logged_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    author     TEXT,
    action     TEXT NOT NULL,            -- confirm, reject, edit, merge, split
    target     TEXT NOT NULL,            -- a merged or per-document event id
    "before"   JSON,
    "after"    JSON
);
