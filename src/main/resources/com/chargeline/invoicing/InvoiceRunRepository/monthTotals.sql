-- The accounts' charged usage of one month (its first day in each account's zone), by what an invoice usage
-- line is made of (see InvoiceUsageRepository/monthTotals.sql, the one-account form).
SELECT account_id, kind, call_type, destination_country, direction, message_type, currency,
       sum(records) AS records, sum(billed_seconds) AS billed_seconds, sum(segments) AS segments,
       sum(total_charge) AS total_charge
  FROM usage_lines_monthly
 WHERE account_id = ANY(CAST(:ids AS uuid[]))
   AND month = :month
   AND charged
 GROUP BY account_id, kind, call_type, destination_country, direction, message_type, currency
HAVING sum(records) <> 0 OR sum(total_charge) <> 0
 ORDER BY account_id, kind, call_type, destination_country, direction, message_type, currency
