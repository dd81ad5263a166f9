SELECT country, message_type, direction, rate_per_segment
  FROM sms_rate
 WHERE account_id = :accountId
   AND deck_id = :deckId
   AND version = :version
