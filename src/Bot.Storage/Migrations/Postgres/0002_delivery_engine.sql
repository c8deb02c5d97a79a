-- Which article versions the dispatcher has turned into deliveries. A version without a row here is
-- planned by the next round, so an article imported while no dispatcher ran (a CLI import, a crash
-- between import and planning) is still announced; planning again is harmless because deliveries are
-- unique.
CREATE TABLE delivery_plans (
    article_key      text        NOT NULL,
    article_version  bigint      NOT NULL,
    planned_at       timestamptz NOT NULL,
    PRIMARY KEY (article_key, article_version),
    FOREIGN KEY (article_key, article_version) REFERENCES article_versions (key, version)
);

-- A claim takes a delivery only when no older unfinished one exists for the same destination and
-- recipient (publish order). Without this index that check scans a destination's whole fan-out for
-- every candidate.
CREATE INDEX ix_deliveries_unfinished_order ON deliveries (destination, recipient, id)
    WHERE status IN ('queued', 'failed', 'sending', 'held');

-- Edits, deletes and corrections look up what was sent for an article.
CREATE INDEX ix_deliveries_article_destination ON deliveries (article_key, destination, kind, status);
