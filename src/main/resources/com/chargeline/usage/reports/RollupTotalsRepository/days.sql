-- Accounts' totals by day of each account's own calendar, from the hourly totals in [:from, :to): calls, billed
-- seconds, messages and charges per account, day and currency.
SELECT h.account_id, CAST(h.hour AT TIME ZONE a.time_zone AS date) AS period, h.currency,
       coalesce(sum(h.records) FILTER (WHERE h.kind = 'call'), 0) AS calls,
       sum(h.billed_seconds) AS billed_seconds,
       coalesce(sum(h.records) FILTER (WHERE h.kind = 'sms'), 0) AS messages,
       0 AS segments,
       sum(h.total_charge) AS charge
  FROM usage_hourly h
  JOIN account a ON a.account_id = h.account_id
 WHERE h.account_id = ANY(:accounts)
   AND h.hour >= :from
   AND h.hour < :to
 GROUP BY h.account_id, CAST(h.hour AT TIME ZONE a.time_zone AS date), h.currency
 ORDER BY 1, 2
