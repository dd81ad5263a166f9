-- Accounts' totals of whole months (the first days of the accounts' months), from the invoice-line totals, never
-- from the records: calls, billed seconds, messages, segments and charges per account, month and currency.
SELECT u.account_id, u.month AS period, u.currency,
       coalesce(sum(u.records) FILTER (WHERE u.kind = 'call'), 0) AS calls,
       sum(u.billed_seconds) AS billed_seconds,
       coalesce(sum(u.records) FILTER (WHERE u.kind = 'sms'), 0) AS messages,
       sum(u.segments) AS segments,
       sum(u.total_charge) AS charge
  FROM usage_lines_monthly u
 WHERE u.account_id = ANY(:accounts)
   AND u.month = ANY(:months)
 GROUP BY u.account_id, u.month, u.currency
