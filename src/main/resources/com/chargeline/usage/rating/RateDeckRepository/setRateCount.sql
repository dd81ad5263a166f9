UPDATE rate_deck_version
   SET rate_count = :rateCount
 WHERE account_id = :accountId
   AND deck_id = :deckId
   AND version = :version
