SELECT account_id, deck_id, name, currency, precision, current_version, created_at
  FROM rate_deck
 WHERE account_id = :accountId
   AND deck_id = :deckId
