-- countCalls.sql with the filters of the report (a NULL billing account: all of them): the same range
-- of rated_call_page_idx, the filters read from the rows.
SELECT count(*)
  FROM rated_call
 WHERE account_id = :account
   AND current
   AND end_time >= :from
   AND end_time < :until
   AND (CAST(:billingAccount AS text) IS NULL OR billing_account_id = :billingAccount)
   AND (NOT :chargesOnly OR total_charge > 0)
