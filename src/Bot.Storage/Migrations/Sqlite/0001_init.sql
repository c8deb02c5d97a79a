-- Instants are UTC ISO-8601 text, 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (fixed width, so text order is time
-- order); booleans are 0/1; ids and counters are 64-bit INTEGER.

CREATE TABLE articles (
    key             TEXT    NOT NULL PRIMARY KEY,
    latest_version  INTEGER NOT NULL,
    title           TEXT    NOT NULL,
    retracted       INTEGER NOT NULL DEFAULT 0 CHECK (retracted IN (0, 1)),
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
CREATE INDEX ix_articles_updated_at ON articles (updated_at);

-- One row per distinct content of an article; document holds every field as JSON, the other
-- columns are copies for listing and filtering.
CREATE TABLE article_versions (
    key           TEXT    NOT NULL REFERENCES articles (key),
    version       INTEGER NOT NULL,
    fingerprint   TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    language      TEXT    NOT NULL,
    published_at  TEXT    NULL,
    retracted     INTEGER NOT NULL DEFAULT 0 CHECK (retracted IN (0, 1)),
    document      TEXT    NOT NULL,
    received_at   TEXT    NOT NULL,
    PRIMARY KEY (key, version)
);

CREATE TABLE destinations (
    name             TEXT    NOT NULL PRIMARY KEY,
    channel          TEXT    NOT NULL,
    address          TEXT    NOT NULL,
    paused           INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    disabled         INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    disabled_reason  TEXT    NULL,
    updated_at       TEXT    NOT NULL
);

-- The outbox. A dispatcher claims due rows (status queued, next_attempt_at <= now) by setting status
-- sending with lease_owner/lease_until; a row whose lease ran out goes back to queued.
CREATE TABLE deliveries (
    id               INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    article_key      TEXT    NOT NULL,
    article_version  INTEGER NOT NULL,
    destination      TEXT    NOT NULL REFERENCES destinations (name),
    recipient        TEXT    NOT NULL DEFAULT '',
    kind             TEXT    NOT NULL CHECK (kind IN ('announce', 'edit', 'delete', 'correction')),
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
    UNIQUE (article_key, article_version, destination, recipient, kind)
);
CREATE INDEX ix_deliveries_status_next_attempt_at ON deliveries (status, next_attempt_at);
CREATE INDEX ix_deliveries_destination_status ON deliveries (destination, status);

CREATE TABLE subscribers (
    id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    list          TEXT    NOT NULL,
    email         TEXT    NOT NULL,
    name          TEXT    NULL,
    status        TEXT    NOT NULL CHECK (status IN ('pending', 'active', 'bounced', 'unsubscribed')),
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    confirmed_at  TEXT    NULL,
    UNIQUE (list, email)
);
CREATE INDEX ix_subscribers_list_status ON subscribers (list, status);

CREATE TABLE audit_log (
    id      INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    at      TEXT    NOT NULL,
    actor   TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    detail  TEXT    NULL
);
CREATE INDEX ix_audit_log_at ON audit_log (at);

CREATE TABLE bot_state (
    key    TEXT NOT NULL PRIMARY KEY,
    value  TEXT NOT NULL
);
