-- Invoices of the account dated in [:from, :to], both inclusive: a posted invoice (Posted, Paid, or Void after posting)
-- by its invoice_date, one without an invoice_date (a Draft, or a Draft voided before posting) by its target date,
-- period_end. Newest period first, as list.sql (the account's rows come from invoice_account_period_idx).
SELECT i.account_id, i.invoice_id, i.issuer_account_id, i.number, i.period_start, i.period_end, i.time_zone,
       i.currency, i.status, i.subtotal, i.tax, i.total, i.paid, i.invoice_date, i.due_date, i.posted_at,
       i.voided_at, i.void_reason, i.created_at
  FROM invoice i
 WHERE i.account_id = :accountId
   AND COALESCE(i.invoice_date, i.period_end) BETWEEN :from AND :to
 ORDER BY i.period_start DESC
