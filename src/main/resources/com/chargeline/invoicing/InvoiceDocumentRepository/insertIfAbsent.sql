-- The PDF of an invoice posted before invoice_document existed, stored on its first request; a concurrent first
-- request that stored one already wins (the caller reads back whichever is stored).
INSERT INTO invoice_document (account_id, invoice_id, pdf, sha256, created_at)
VALUES (:accountId, :invoiceId, :pdf, :sha256, :createdAt)
ON CONFLICT (account_id, invoice_id) DO NOTHING
