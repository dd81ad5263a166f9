INSERT INTO account_rate_deck (account_id, deck_id, assigned_at)
VALUES (:accountId, :deckId, :at)
ON CONFLICT (account_id) DO UPDATE SET deck_id = EXCLUDED.deck_id, assigned_at = EXCLUDED.assigned_at
