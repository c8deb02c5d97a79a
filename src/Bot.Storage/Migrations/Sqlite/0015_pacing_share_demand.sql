-- What each host could use of a shared budget (the targets it had sends for in the last demand window), so that the
-- budget is split by demand: a host with sends for few chats does not sit on capacity another host waits for.
ALTER TABLE pacing_shares ADD COLUMN demand integer NOT NULL DEFAULT 1;
