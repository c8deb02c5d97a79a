-- Private chats that sent /start to the bot. chat_id is where announcements go; topic, when set, is the one
-- tag or category (lower case, NFC, single spaces) the chat wants; reason says why a chat is blocked.
CREATE TABLE telegram_subscribers (
    id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    chat_id     INTEGER NOT NULL UNIQUE,
    user_id     INTEGER NULL,
    name        TEXT    NULL,
    topic       TEXT    NULL,
    status      TEXT    NOT NULL CHECK (status IN ('active', 'unsubscribed', 'blocked')),
    reason      TEXT    NULL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
-- A fan-out pages through the active chats by id.
CREATE INDEX ix_telegram_subscribers_status_id ON telegram_subscribers (status, id);
