-- The dispatcher looks up every email recipient by its lower-cased address before rendering. With only
-- (list, status) to go on, each lookup scanned the whole list: a 10,000-reader fan-out did 10,000 scans and
-- sent a few hundred emails a second.
CREATE INDEX ix_subscribers_list_lower_email ON subscribers (list, lower(email));
