-- A posted invoice's PDF, written once in its posting transaction.
INSERT INTO invoice_document (account_id, invoice_id, pdf, sha256, created_at)
VALUES (:accountId, :invoiceId, :pdf, :sha256, :createdAt)
