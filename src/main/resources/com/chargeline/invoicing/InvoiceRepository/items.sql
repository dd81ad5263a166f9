SELECT t.line_no, t.kind, t.description, t.quantity, t.unit_price, t.amount, t.start_date, t.end_date,
       t.charge_type, t.corrects_period
  FROM invoice_item t
 WHERE t.account_id = :accountId
   AND t.invoice_id = :invoiceId
 ORDER BY t.line_no
