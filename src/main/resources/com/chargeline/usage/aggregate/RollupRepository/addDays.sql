-- Adds one batch's usage-summary totals by the account's day, usage type (call type, SMS, MMS) and destination
-- country to usage_days.
-- Element i of every array is one key and its totals, in key order (concurrent batches lock shared rows alike).
INSERT INTO usage_days (account_id, day, kind, usage_type, destination_country, currency, records, billed_seconds,
                        segments, total_charge)
SELECT :account, t.day, t.kind, t.usage_type, t.destination_country, t.currency, t.records, t.billed_seconds,
       t.segments, t.total_charge
  FROM unnest(:days::date[], :kinds::text[], :usageTypes::text[], :countries::text[], :currencies::text[],
              :records::bigint[], :seconds::bigint[], :segments::bigint[], :charges::numeric[])
       AS t (day, kind, usage_type, destination_country, currency, records, billed_seconds, segments, total_charge)
    ON CONFLICT (account_id, day, kind, usage_type, destination_country, currency)
    DO UPDATE
   SET records = usage_days.records + EXCLUDED.records,
       billed_seconds = usage_days.billed_seconds + EXCLUDED.billed_seconds,
       segments = usage_days.segments + EXCLUDED.segments,
       total_charge = usage_days.total_charge + EXCLUDED.total_charge
