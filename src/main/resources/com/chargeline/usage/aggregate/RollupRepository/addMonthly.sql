-- Adds one batch of monthly totals (months in the account zone) to usage_monthly. Element i of every
-- array is one key and its totals; the arrays come in key order, so concurrent batches lock the rows
-- they share in the same order.
INSERT INTO usage_monthly (account_id, month, kind, call_type, billing_account_id, cost_center, department, currency,
                           charged, records, billed_seconds, total_charge)
SELECT :account, t.month, t.kind, t.call_type, t.billing_account_id, t.cost_center, t.department, t.currency,
       t.charged, t.records, t.billed_seconds, t.total_charge
  FROM unnest(:months::date[], :kinds::text[], :callTypes::text[], :billingAccounts::text[], :costCenters::text[],
              :departments::text[], :currencies::text[], :charged::boolean[], :records::bigint[], :seconds::bigint[],
              :charges::numeric[])
       AS t (month, kind, call_type, billing_account_id, cost_center, department, currency, charged, records,
             billed_seconds, total_charge)
    ON CONFLICT (account_id, month, kind, call_type, billing_account_id, cost_center, department, currency, charged)
    DO UPDATE
   SET records = usage_monthly.records + EXCLUDED.records,
       billed_seconds = usage_monthly.billed_seconds + EXCLUDED.billed_seconds,
       total_charge = usage_monthly.total_charge + EXCLUDED.total_charge
