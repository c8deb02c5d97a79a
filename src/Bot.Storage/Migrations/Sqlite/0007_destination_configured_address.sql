-- The address configuration gave, beside the one in use. A platform can move a target (a Telegram group that
-- became a supergroup); start-up then keeps the new address unless the configuration itself changed.
ALTER TABLE destinations ADD COLUMN configured_address TEXT NULL;
UPDATE destinations SET configured_address = address;
