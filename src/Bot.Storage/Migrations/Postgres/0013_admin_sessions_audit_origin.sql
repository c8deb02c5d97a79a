-- Sign-ins to the admin pages, one row per login. Only the SHA-256 of the cookie's random id is kept, so a copy of
-- the database lets nobody in; key_id ties a session to the admin key it was opened with, so changing the key ends
-- every session; a sign-out on one host is seen by every host sharing the store.
CREATE TABLE admin_sessions (
    id_hash     text        NOT NULL PRIMARY KEY,
    key_id      text        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    origin      text        NULL
);
CREATE INDEX ix_admin_sessions_expires_at ON admin_sessions (expires_at);

-- Where an audited action came from (for the admin pages, the client's address); NULL where the surface does not
-- record one and for rows written before this migration.
ALTER TABLE audit_log ADD COLUMN origin text NULL;
