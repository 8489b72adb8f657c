-- 0003_ledger: every input that ingestion read, and what came of it -- including what was NOT coded and why.
--
--   * One row per input, keyed by `source`: the absolute file path and the document id (`/data/a.jsonl#id17`),
--     or the path and line of an input that could not be read (`/data/a.jsonl:12`).
--   * The row is written in the SAME transaction as the document and its events, so it doubles as the
--     checkpoint of a resumable ingest: an input with a row is done (unless its outcome is one of the errors
--     below that a rerun retries), and killing ingestion at any moment loses at most the batches in flight.
--   * `outcome`: coded (events found), not_conflict (no event words), no_place (event words but no place),
--     no_event (event words and places but no event), duplicate (same id or text as a stored document),
--     unreadable, no_language, unsupported_language, failed (the pipeline raised); a rerun retries
--     the last three.

CREATE TABLE ledger (
    source     TEXT PRIMARY KEY,
    doc_id     TEXT,                     -- NULL for an input that could not be read
    path       TEXT,
    line       INTEGER,
    outcome    TEXT NOT NULL,
    n_events   INTEGER NOT NULL DEFAULT 0,
    detail     TEXT,                     -- why not coded, in words (the read error, the language, ...)
    read_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- No index on `outcome`: DuckDB 1.4's INSERT OR REPLACE silently keeps the old row when a replaced column is
-- indexed, and a retried error must replace its row.  Summaries scan the table, which is fast.
