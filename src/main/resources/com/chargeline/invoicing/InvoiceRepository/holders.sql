-- The accounts among the caller and its sub accounts that hold an invoice with this id (the Zoom download paths
-- name no account). Reach and pay mode are checked by AccountAccess on the answer.
SELECT i.account_id
FROM invoice i
WHERE i.invoice_id = :invoiceId
  AND (i.account_id = :caller
       OR i.account_id IN (SELECT a.account_id FROM account a WHERE a.master_account_id = :caller))
ORDER BY i.account_id
