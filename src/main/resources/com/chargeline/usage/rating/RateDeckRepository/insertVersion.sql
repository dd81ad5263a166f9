INSERT INTO rate_deck_version (account_id, deck_id, version, rate_count, created_at)
VALUES (:accountId, :deckId, :version, :rateCount, :createdAt)
