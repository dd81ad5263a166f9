UPDATE rate_deck
   SET current_version = :version
 WHERE account_id = :accountId
   AND deck_id = :deckId
