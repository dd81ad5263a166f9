-- What earlier invoices (void ones aside) charged for each subscription, by line (with the unit price it was sold
-- at), from :earliest on.
SELECT t.account_id, t.subscription_id, t.kind, t.start_date, t.end_date, t.unit_price, t.amount, i.number
  FROM invoice_item t
  JOIN invoice i ON i.account_id = t.account_id AND i.invoice_id = t.invoice_id
 WHERE t.account_id = ANY(CAST(:ids AS uuid[]))
   AND t.subscription_id IS NOT NULL
   AND t.start_date >= :earliest
   AND i.status <> 'Void'
 ORDER BY t.account_id, t.subscription_id, t.start_date, i.created_at, t.line_no
