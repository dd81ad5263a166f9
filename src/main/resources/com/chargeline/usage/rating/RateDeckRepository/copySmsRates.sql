INSERT INTO sms_rate (account_id, deck_id, version, country, message_type, direction, rate_per_segment, currency)
SELECT account_id, deck_id, :to, country, message_type, direction, rate_per_segment, currency
  FROM sms_rate
 WHERE account_id = :accountId
   AND deck_id = :deckId
   AND version = :from
