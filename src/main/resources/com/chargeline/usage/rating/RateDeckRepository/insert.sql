INSERT INTO rate_deck (account_id, deck_id, name, currency, precision, current_version, created_at)
VALUES (:accountId, :deckId, :name, :currency, :precision, 0, :createdAt)
