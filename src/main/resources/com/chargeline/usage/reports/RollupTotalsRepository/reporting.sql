-- One account's month from the monthly reporting totals (calls and messages), split by <dimension> (cost center or
-- department): records, billed seconds and charges, largest charge first.
SELECT <dimension> AS label, u.currency,
       sum(u.records) AS records, sum(u.billed_seconds) AS billed_seconds, 0 AS segments,
       sum(u.total_charge) AS charge
  FROM usage_monthly u
 WHERE u.account_id = :account
   AND u.month = :month
 GROUP BY <dimension>, u.currency
HAVING sum(u.records) <> 0 OR sum(u.total_charge) <> 0
 ORDER BY sum(u.total_charge) DESC, 1
 LIMIT :limit
