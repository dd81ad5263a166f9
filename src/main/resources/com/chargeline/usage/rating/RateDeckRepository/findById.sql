SELECT account_id, deck_id, name, currency, precision, current_version, created_at
  FROM rate_deck
 WHERE deck_id = :deckId
