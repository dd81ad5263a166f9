-- Adds one batch of hourly totals to usage_hourly. Element i of every array is one key and its totals;
-- the arrays come in key order, so concurrent batches lock the rows they share in the same order.
INSERT INTO usage_hourly (account_id, hour, kind, call_type, billing_account_id, currency, charged,
                          records, billed_seconds, total_charge)
SELECT :account, to_timestamp(t.hour), t.kind, t.call_type, t.billing_account_id, t.currency, t.charged,
       t.records, t.billed_seconds, t.total_charge
  FROM unnest(:hours::bigint[], :kinds::text[], :callTypes::text[], :billingAccounts::text[], :currencies::text[],
              :charged::boolean[], :records::bigint[], :seconds::bigint[], :charges::numeric[])
       AS t (hour, kind, call_type, billing_account_id, currency, charged, records, billed_seconds, total_charge)
    ON CONFLICT (account_id, hour, kind, call_type, billing_account_id, currency, charged) DO UPDATE
   SET records = usage_hourly.records + EXCLUDED.records,
       billed_seconds = usage_hourly.billed_seconds + EXCLUDED.billed_seconds,
       total_charge = usage_hourly.total_charge + EXCLUDED.total_charge
