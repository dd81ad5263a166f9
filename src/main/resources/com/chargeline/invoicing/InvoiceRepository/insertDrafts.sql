-- New Drafts, one per account and period: an account with an invoice for the period already (void ones aside) gets
-- none. Returns the ids of the Drafts written.
INSERT INTO invoice (account_id, invoice_id, issuer_account_id, number, period_start, period_end, time_zone, currency,
                     status, subtotal, tax, total, paid, created_at)
SELECT d.account_id, d.invoice_id, d.issuer_id, NULL, d.period_start, d.period_end, d.time_zone, d.currency,
       'Draft', d.subtotal, d.tax, d.total, 0, :createdAt
  FROM unnest(:accountIds::uuid[], :invoiceIds::text[], :issuerIds::uuid[], :periodStarts::date[], :periodEnds::date[],
              :timeZones::text[], :currencies::text[], :subtotals::numeric[], :taxes::numeric[], :totals::numeric[])
       AS d (account_id, invoice_id, issuer_id, period_start, period_end, time_zone, currency, subtotal, tax, total)
ON CONFLICT (account_id, period_start) WHERE status <> 'Void' DO NOTHING
RETURNING invoice_id
