-- On SQLite one host runs everything: it writes its hosts row, and the other tables stay empty.
-- Hosts sharing this store: each running `bot run` writes its row every few seconds (seen_at)
-- with the singletons it holds, and deletes it when it stops; `bot hosts`, the admin pages and /metrics read it.
-- id is the host's lease owner (Host:Name and a suffix unique to the process), name is Host:Name.
CREATE TABLE hosts (
    id          TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    started_at  TEXT    NOT NULL,
    seen_at     TEXT    NOT NULL,
    singletons  TEXT    NOT NULL
);

-- Elected singletons (the Telegram update poller, the Discord gateway session, each feed's poller, the planner, the
-- maintenance sweeps): one row each, held by one host until expires_at on the database's clock and renewed while it
-- lives. term grows by one at every change of holder: a write fenced by the term is refused once another host took
-- over. last_run_at lets the next holder keep a periodic singleton's interval (a feed is polled once per interval).
CREATE TABLE singleton_leases (
    name         TEXT    NOT NULL PRIMARY KEY,
    holder       TEXT    NOT NULL,
    term         INTEGER NOT NULL,
    expires_at   TEXT    NOT NULL,
    acquired_at  TEXT    NOT NULL,
    last_run_at  TEXT    NULL
);

-- Shared send budgets. A channel-wide budget (Telegram's 30 a second) is split into shares, one row per host that
-- holds one; the sum of the shares never exceeds the limit. A share given up, or held by a host that died, still
-- counts for a window after expires_at, because requests made under it are still in the platform's window.
-- pacing_budgets has one row per budget for the hosts to lock while they rebalance.
CREATE TABLE pacing_budgets (
    budget  TEXT    NOT NULL PRIMARY KEY
);
CREATE TABLE pacing_shares (
    budget      TEXT    NOT NULL,
    holder      TEXT    NOT NULL,
    share       INTEGER NOT NULL,
    wanted      INTEGER NOT NULL,
    expires_at  TEXT    NOT NULL,
    PRIMARY KEY (budget, holder)
);

-- A target's own budgets (a chat's 1 a second and 20 a minute) belong to one host at a time: the holder sends to the
-- target, and hands the target's recent requests (history: their ages in milliseconds at written_at) to the next.
CREATE TABLE pacing_targets (
    channel     TEXT    NOT NULL,
    target      TEXT    NOT NULL,
    holder      TEXT    NULL,
    expires_at  TEXT    NOT NULL,
    history     TEXT    NOT NULL,
    written_at  TEXT    NOT NULL,
    PRIMARY KEY (channel, target)
);

-- A platform's 429, for every host: nothing goes to the target ('' for the whole channel) before hold_until.
CREATE TABLE pacing_holds (
    channel     TEXT    NOT NULL,
    target      TEXT    NOT NULL,
    hold_until  TEXT    NOT NULL,
    PRIMARY KEY (channel, target)
);
