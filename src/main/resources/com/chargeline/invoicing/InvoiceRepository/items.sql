SELECT t.line_no, t.kind, t.description, t.quantity, t.unit_price, t.amount, t.start_date, t.end_date,
       t.charge_type, t.corrects_period, t.usage_kind, t.direction, t.usage_type, t.country, t.records,
       t.billed_seconds, t.segments, t.subscription_id, t.plan_type
  FROM invoice_item t
 WHERE t.account_id = :accountId
   AND t.invoice_id = :invoiceId
 ORDER BY t.line_no
