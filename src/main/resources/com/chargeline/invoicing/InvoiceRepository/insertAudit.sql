-- The next audit entry of the invoice (its row is locked by the writing transaction, so numbers do not collide).
INSERT INTO invoice_audit (account_id, invoice_id, audit_no, at, actor, action, from_status, to_status, detail)
SELECT CAST(:accountId AS uuid), CAST(:invoiceId AS text), COALESCE(MAX(a.audit_no), 0) + 1, CAST(:at AS timestamptz),
       CAST(:actor AS text), CAST(:action AS text), CAST(:fromStatus AS text), CAST(:toStatus AS text),
       CAST(:detail AS text)
  FROM invoice_audit a
 WHERE a.account_id = :accountId
   AND a.invoice_id = :invoiceId
