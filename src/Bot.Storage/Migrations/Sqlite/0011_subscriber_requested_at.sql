-- When a mail last went out in answer to POST /subscribe for the address: at most one per address every few
-- minutes, whatever its state, so the form cannot flood anyone's inbox. A pending address was mailed when its
-- request cycle began.
ALTER TABLE subscribers ADD COLUMN requested_at TEXT NULL;
UPDATE subscribers SET requested_at = updated_at WHERE status = 'pending';
