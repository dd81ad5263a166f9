-- The stored PDF of a posted invoice (none for a Draft, or a Draft voided before posting).
SELECT pdf
FROM invoice_document
WHERE account_id = :accountId
  AND invoice_id = :invoiceId
