-- An account's usage totals over its days :from..:to (both included) from usage_days, grouped by <key> (a column of
-- usage_days, or '' for one total) and currency: calls and their billed seconds, messages and their segments, charges.
-- Groups that re-rating emptied are left out.
SELECT <key> AS key, currency,
       coalesce(sum(records) FILTER (WHERE kind = 'call'), 0) AS calls,
       sum(billed_seconds) AS billed_seconds,
       coalesce(sum(records) FILTER (WHERE kind = 'sms'), 0) AS messages,
       sum(segments) AS segments,
       sum(total_charge) AS charges
  FROM usage_days
 WHERE account_id = :account
   AND day BETWEEN :from AND :to
 GROUP BY 1, 2
HAVING sum(records) <> 0 OR sum(total_charge) <> 0
 ORDER BY <key> COLLATE "C", currency
