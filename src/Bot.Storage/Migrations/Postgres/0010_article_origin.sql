-- Each article belongs to one key namespace: 'newsroom' (inbox files, bot import, the HTTP API) or 'feed:NAME'.
-- A feed item's id is '@NAME/KEY', so the key column stays the one id deliveries reference; this column lets the
-- store refuse an item whose id an article of another origin already holds. Every article stored before this
-- migration belongs to the newsroom: items a feed imported then cannot be told apart from files with the same key.
ALTER TABLE articles ADD COLUMN origin text NOT NULL DEFAULT 'newsroom';
