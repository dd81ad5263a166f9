-- The usage of every month up to :month (its first day), as it is now and as invoices (void ones aside) billed it:
-- a month's own usage lines and the adjustments naming it, by what a usage line is made of. Where they differ, the
-- run writes a line: the usage lines of :month itself, adjustments for the months before (late records, re-ratings,
-- months never invoiced). A row per line key on either side; the run keeps those that differ after rounding.
-- Calls' results and the charged flag are summed (an invoice line is by direction, call type and country).
WITH current_usage AS (
    SELECT u.account_id, u.month,
           CASE u.kind WHEN 'call' THEN 'calls' ELSE 'messages' END AS usage_kind, u.direction,
           CASE u.kind WHEN 'call' THEN u.call_type ELSE u.message_type END AS usage_type,
           CASE u.kind WHEN 'call' THEN u.destination_country ELSE '' END AS country, u.currency,
           sum(u.records) AS records, sum(u.billed_seconds) AS billed_seconds, sum(u.segments) AS segments,
           sum(u.total_charge) AS charge
      FROM usage_lines_monthly u
     WHERE u.account_id = ANY(CAST(:ids AS uuid[]))
       AND u.month <= :month
       AND u.charged
     GROUP BY 1, 2, 3, 4, 5, 6, 7
), billed AS (
    SELECT t.account_id, coalesce(t.corrects_period, i.period_start) AS month, t.usage_kind, t.direction,
           t.usage_type, t.country, i.currency,
           sum(t.records) AS records, sum(t.billed_seconds) AS billed_seconds, sum(t.segments) AS segments,
           sum(t.amount) AS amount
      FROM invoice_item t
      JOIN invoice i ON i.account_id = t.account_id AND i.invoice_id = t.invoice_id
     WHERE t.account_id = ANY(CAST(:ids AS uuid[]))
       AND t.usage_kind IS NOT NULL
       AND i.status <> 'Void'
       AND coalesce(t.corrects_period, i.period_start) <= :month
     GROUP BY 1, 2, 3, 4, 5, 6, 7
)
SELECT coalesce(c.account_id, b.account_id) AS account_id, coalesce(c.month, b.month) AS month,
       coalesce(c.usage_kind, b.usage_kind) AS usage_kind, coalesce(c.direction, b.direction) AS direction,
       coalesce(c.usage_type, b.usage_type) AS usage_type, coalesce(c.country, b.country) AS country,
       coalesce(c.currency, b.currency) AS currency,
       coalesce(c.records, 0) - coalesce(b.records, 0) AS records,
       coalesce(c.billed_seconds, 0) - coalesce(b.billed_seconds, 0) AS billed_seconds,
       coalesce(c.segments, 0) - coalesce(b.segments, 0) AS segments,
       coalesce(c.charge, 0) AS charge, coalesce(b.amount, 0) AS billed
  FROM current_usage c
  FULL JOIN billed b
    ON b.account_id = c.account_id AND b.month = c.month AND b.usage_kind = c.usage_kind
   AND b.direction = c.direction AND b.usage_type = c.usage_type AND b.country = c.country
   AND b.currency = c.currency
 WHERE c.records IS DISTINCT FROM b.records
    OR c.billed_seconds IS DISTINCT FROM b.billed_seconds
    OR c.segments IS DISTINCT FROM b.segments
    OR coalesce(c.charge, 0) <> coalesce(b.amount, 0)
 ORDER BY 1, 2, 3, 5, 6, 4, 7
