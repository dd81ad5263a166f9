SELECT count(*)
  FROM rate
 WHERE account_id = :accountId
   AND deck_id = :deckId
   AND version = :version
