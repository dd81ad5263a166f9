INSERT INTO rate (account_id, deck_id, version, row_no, prefix, destination, call_type, rate_per_min, per_call_fee,
                  first_increment_s, next_increment_s, free_seconds, charge_mode, currency, effective_from, effective_to)
SELECT account_id, deck_id, :to, row_no, prefix, destination, call_type, rate_per_min, per_call_fee,
       first_increment_s, next_increment_s, free_seconds, charge_mode, currency, effective_from, effective_to
  FROM rate
 WHERE account_id = :accountId
   AND deck_id = :deckId
   AND version = :from
