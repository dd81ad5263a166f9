-- The issued (Posted, Paid, Void; never Draft) invoices of the accounts whose period overlaps the inclusive days
-- :fromDate to :toDate, by account and period (invoice_account_period_idx per account).
SELECT i.account_id, i.invoice_id, i.issuer_account_id, i.number, i.period_start, i.period_end, i.time_zone,
       i.currency, i.status, i.subtotal, i.tax, i.total, i.paid, i.invoice_date, i.due_date, i.posted_at,
       i.voided_at, i.void_reason, i.created_at
  FROM invoice i
 WHERE i.account_id = ANY(CAST(:accountIds AS uuid[]))
   AND i.period_start <= :toDate
   AND i.period_end >= :fromDate
   AND i.status IN ('Posted', 'Paid', 'Void')
 ORDER BY i.account_id, i.period_start
