-- The invoice, row-locked until the transaction ends: one life-cycle step of an invoice at a time.
SELECT i.account_id, i.invoice_id, i.issuer_account_id, i.number, i.period_start, i.period_end, i.time_zone,
       i.currency, i.status, i.subtotal, i.tax, i.total, i.paid, i.invoice_date, i.due_date, i.posted_at,
       i.voided_at, i.void_reason, i.created_at
  FROM invoice i
 WHERE i.account_id = :accountId
   AND i.invoice_id = :invoiceId
   FOR UPDATE
