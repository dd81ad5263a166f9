-- A new Draft; nothing when the account has an invoice for this period already (one per account and period,
-- not counting void ones).
INSERT INTO invoice (account_id, invoice_id, issuer_account_id, number, period_start, period_end, time_zone, currency,
                     status, subtotal, tax, total, paid, created_at)
VALUES (:accountId, :invoiceId, :issuerId, NULL, :periodStart, :periodEnd, :timeZone, :currency,
        'Draft', :subtotal, :tax, :total, 0, :createdAt)
ON CONFLICT (account_id, period_start) WHERE status <> 'Void' DO NOTHING
RETURNING invoice_id
