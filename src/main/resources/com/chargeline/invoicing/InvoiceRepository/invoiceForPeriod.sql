SELECT i.invoice_id
  FROM invoice i
 WHERE i.account_id = :accountId
   AND i.period_start = :periodStart
   AND i.status <> 'Void'
