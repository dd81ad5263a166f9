-- Accounts' totals by day of each account's own calendar, [:from, :to] (account days), from usage_account_days:
-- calls, billed seconds, messages, segments and charges per account, day and currency.
SELECT d.account_id, d.day AS period, d.currency,
       coalesce(sum(d.records) FILTER (WHERE d.kind = 'call'), 0) AS calls,
       sum(d.billed_seconds) AS billed_seconds,
       coalesce(sum(d.records) FILTER (WHERE d.kind = 'sms'), 0) AS messages,
       sum(d.segments) AS segments,
       sum(d.total_charge) AS charge
  FROM usage_account_days d
 WHERE d.account_id = ANY(:accounts)
   AND d.day >= :from
   AND d.day <= :to
 GROUP BY d.account_id, d.day, d.currency
 ORDER BY 1, 2
