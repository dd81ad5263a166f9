UPDATE rate_deck
   SET current_version = current_version
 WHERE account_id = :accountId
   AND deck_id = :deckId
RETURNING current_version + 1
