-- 0004_review: what the review UI needs on top of 0002 (0003 is the ingest ledger).
--
--   * `merged_events.review_status`: unreviewed, confirmed, edited or rejected, computed by fusion from the
--     human decisions in `fusion_overrides` (fusion.overrides.review_status), so the review queue and the
--     status filter are plain WHERE clauses.  A decision is re-applied at every re-fusion, so the status
--     survives re-extraction and re-fusion like the decisions themselves.
--   * `review_log.members`: the per-document events the logged action was made on.  Merged ids change when a
--     merge or a split changes the membership; the members do not, so an event page finds its whole history.
--   * `review_log.note`: the analyst's comment.

ALTER TABLE merged_events ADD COLUMN review_status TEXT DEFAULT 'unreviewed';
UPDATE merged_events SET review_status = 'rejected' WHERE rejected;
ALTER TABLE review_log ADD COLUMN members VARCHAR[];
ALTER TABLE review_log ADD COLUMN note TEXT;
