-- An account's usage of one month (the first day of the month in the account's zone), by what an invoice
-- usage line is made of: calls by direction, call type and destination country, messages by direction and
-- type. Only charged records: free inbound calls and records that could not be priced are not billed.
SELECT account_id, kind, call_type, destination_country, direction, message_type, currency,
       sum(records) AS records, sum(billed_seconds) AS billed_seconds, sum(segments) AS segments,
       sum(total_charge) AS total_charge
  FROM usage_lines_monthly
 WHERE account_id = :accountId
   AND month = :month
   AND charged
 GROUP BY account_id, kind, call_type, destination_country, direction, message_type, currency
HAVING sum(records) <> 0 OR sum(total_charge) <> 0
 ORDER BY kind, call_type, destination_country, direction, message_type, currency
