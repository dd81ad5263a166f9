SELECT row_no, prefix, destination, call_type, rate_per_min, per_call_fee, first_increment_s, next_increment_s,
       free_seconds, charge_mode, effective_from, effective_to
  FROM rate
 WHERE account_id = :accountId
   AND deck_id = :deckId
   AND version = :version
 ORDER BY row_no
