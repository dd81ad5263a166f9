-- How many records of a kind (call, sms) the hourly rollup holds for the whole UTC hours [fromHour, untilHour).
SELECT coalesce(sum(records), 0)
  FROM usage_hourly
 WHERE account_id = :account
   AND hour >= :fromHour
   AND hour < :untilHour
   AND kind = :kind
   AND (CAST(:billingAccount AS text) IS NULL OR billing_account_id = :billingAccount)
   AND (NOT :chargesOnly OR charged)
