-- How many current calls of one account the report has in [from, until): used for the partial hours at
-- the ends of a window only (the whole hours come from usage_hourly), through rated_call_page_idx.
SELECT count(*)
  FROM rated_call
 WHERE account_id = :account
   AND current
   AND end_time >= :from
   AND end_time < :until
   AND (CAST(:billingAccount AS text) IS NULL OR billing_account_id = :billingAccount)
   AND (NOT :chargesOnly OR total_charge > 0)
