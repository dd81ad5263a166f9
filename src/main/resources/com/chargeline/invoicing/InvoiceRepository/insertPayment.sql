-- The next payment of the invoice (its row is locked by the paying transaction, so numbers do not collide).
INSERT INTO invoice_payment (account_id, invoice_id, payment_no, amount, paid_on, reference, recorded_at)
SELECT CAST(:accountId AS uuid), CAST(:invoiceId AS text), COALESCE(MAX(p.payment_no), 0) + 1, CAST(:amount AS numeric),
       CAST(:paidOn AS date), CAST(:reference AS text), CAST(:recordedAt AS timestamptz)
  FROM invoice_payment p
 WHERE p.account_id = :accountId
   AND p.invoice_id = :invoiceId
RETURNING payment_no
