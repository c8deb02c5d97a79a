-- How many of a delivery's remote ids, from the first, show sent_version after an edit that stopped part-way (NULL:
-- all of them), so that its retry edits only the messages still showing the older version.
ALTER TABLE deliveries ADD COLUMN shown_parts INTEGER NULL;
