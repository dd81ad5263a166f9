-- Drops the months [from, until) of an account's included-minute usage; re-rating draws them again.
DELETE FROM allowance_usage
 WHERE account_id = :accountId
   AND month >= :from
   AND month < :until
