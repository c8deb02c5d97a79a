-- Each status change of a delivery (queued, sending, sent) rewrote its entry in every index that names the
-- status, four of them, and a fan-out makes two such changes per recipient. These two are not worth it:
-- pausing and resuming a destination finds its waiting deliveries through ix_deliveries_unfinished_order,
-- and the lookups by article (edits, deletes, corrections, retractions) read only a few rows of one
-- destination, or a whole fan-out, where the status column in the index saved little.
DROP INDEX ix_deliveries_destination_status;
DROP INDEX ix_deliveries_article_destination;
CREATE INDEX ix_deliveries_article_destination_kind ON deliveries (article_key, destination, kind);
