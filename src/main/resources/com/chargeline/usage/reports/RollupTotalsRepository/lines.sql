-- One account's month from the invoice-line totals, split by <dimension> (call type, destination country, or
-- message type and direction) for kind :kind: records, billed seconds, segments and charges, largest charge first.
SELECT <dimension> AS label, u.currency,
       sum(u.records) AS records, sum(u.billed_seconds) AS billed_seconds, sum(u.segments) AS segments,
       sum(u.total_charge) AS charge
  FROM usage_lines_monthly u
 WHERE u.account_id = :account
   AND u.month = :month
   AND u.kind = :kind
 GROUP BY <dimension>, u.currency
HAVING sum(u.records) <> 0 OR sum(u.total_charge) <> 0
 ORDER BY sum(u.total_charge) DESC, 1
 LIMIT :limit
