-- A re-publish (/publish) announces an article version again where it was announced already. The delivery
-- key gains a generation: 0 for what the planner creates, 1, 2, ... for each re-publish, so planning stays
-- idempotent while a re-publish gets rows of its own. SQLite cannot change a table's UNIQUE constraint in
-- place, so the table is rebuilt with its rows and ids, and its indexes are created again.
CREATE TABLE deliveries_rebuilt (
    id               INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    article_key      TEXT    NOT NULL,
    article_version  INTEGER NOT NULL,
    destination      TEXT    NOT NULL REFERENCES destinations (name),
    recipient        TEXT    NOT NULL DEFAULT '',
    kind             TEXT    NOT NULL CHECK (kind IN ('announce', 'edit', 'delete', 'correction')),
    generation       INTEGER NOT NULL DEFAULT 0,
    status           TEXT    NOT NULL DEFAULT 'queued'
                             CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'dead', 'cancelled', 'held')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT    NOT NULL,
    lease_owner      TEXT    NULL,
    lease_until      TEXT    NULL,
    remote_ids       TEXT    NULL,
    last_error       TEXT    NULL,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    sent_at          TEXT    NULL,
    FOREIGN KEY (article_key, article_version) REFERENCES article_versions (key, version),
    UNIQUE (article_key, article_version, destination, recipient, kind, generation)
);

INSERT INTO deliveries_rebuilt (id, article_key, article_version, destination, recipient, kind, generation, status, attempts,
                                next_attempt_at, lease_owner, lease_until, remote_ids, last_error, created_at, updated_at, sent_at)
SELECT id, article_key, article_version, destination, recipient, kind, 0, status, attempts,
       next_attempt_at, lease_owner, lease_until, remote_ids, last_error, created_at, updated_at, sent_at
FROM deliveries;

DROP TABLE deliveries;
ALTER TABLE deliveries_rebuilt RENAME TO deliveries;

CREATE INDEX ix_deliveries_status_next_attempt_at ON deliveries (status, next_attempt_at);
CREATE INDEX ix_deliveries_destination_status ON deliveries (destination, status);
CREATE INDEX ix_deliveries_unfinished_order ON deliveries (destination, recipient, id)
    WHERE status IN ('queued', 'failed', 'sending', 'held');
CREATE INDEX ix_deliveries_article_destination ON deliveries (article_key, destination, kind, status);
