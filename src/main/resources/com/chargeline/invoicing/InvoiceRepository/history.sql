SELECT a.audit_no, a.at, a.actor, a.action, a.from_status, a.to_status, a.detail
  FROM invoice_audit a
 WHERE a.account_id = :accountId
   AND a.invoice_id = :invoiceId
 ORDER BY a.audit_no
