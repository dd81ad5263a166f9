-- Adds one batch's totals by the account's day, kind and currency to usage_account_days (the dashboard's days).
-- Element i of every array is one key and its totals, in key order (concurrent batches lock shared rows alike).
INSERT INTO usage_account_days (account_id, day, kind, currency, records, billed_seconds, segments, total_charge)
SELECT :account, t.day, t.kind, t.currency, t.records, t.billed_seconds, t.segments, t.total_charge
  FROM unnest(:days::date[], :kinds::text[], :currencies::text[], :records::bigint[], :seconds::bigint[],
              :segments::bigint[], :charges::numeric[])
       AS t (day, kind, currency, records, billed_seconds, segments, total_charge)
    ON CONFLICT (account_id, day, kind, currency)
    DO UPDATE
   SET records = usage_account_days.records + EXCLUDED.records,
       billed_seconds = usage_account_days.billed_seconds + EXCLUDED.billed_seconds,
       segments = usage_account_days.segments + EXCLUDED.segments,
       total_charge = usage_account_days.total_charge + EXCLUDED.total_charge
