-- The extension a call record named, kept so that re-rating finds the same user (and calling plan).
ALTER TABLE rated_call ADD COLUMN extension_number text NOT NULL DEFAULT '';
