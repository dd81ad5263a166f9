-- Invoices of the account, newest period first (invoice_account_period_idx read backwards); status optional.
SELECT i.account_id, i.invoice_id, i.issuer_account_id, i.number, i.period_start, i.period_end, i.time_zone,
       i.currency, i.status, i.subtotal, i.tax, i.total, i.paid, i.invoice_date, i.due_date, i.posted_at,
       i.voided_at, i.void_reason, i.created_at
  FROM invoice i
 WHERE i.account_id = :accountId
   AND (CAST(:status AS text) IS NULL OR i.status = :status)
 ORDER BY i.period_start DESC
