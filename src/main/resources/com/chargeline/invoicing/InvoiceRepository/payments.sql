SELECT p.payment_no, p.amount, p.paid_on, p.reference, p.recorded_at
  FROM invoice_payment p
 WHERE p.account_id = :accountId
   AND p.invoice_id = :invoiceId
 ORDER BY p.payment_no
