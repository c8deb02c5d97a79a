-- The keys ASP.NET Core data protection signs antiforgery tokens and cookies with, one XML element per key,
-- encrypted by the host before it is stored. Kept in the store so a restart keeps them and every host sharing
-- the database reads the same key ring. name is data protection's friendly name (key-GUID), unique.
CREATE TABLE data_protection_keys (
    name        text        NOT NULL PRIMARY KEY,
    xml         text        NOT NULL,
    created_at  timestamptz NOT NULL
);
