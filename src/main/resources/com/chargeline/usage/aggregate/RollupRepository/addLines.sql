-- Adds one batch's invoice-line totals (months in the account zone) to usage_lines_monthly: calls by call
-- type, destination country, direction and result, messages by direction, type and country, with segments. Element
-- i of every array is one key and its totals, in key order (concurrent batches lock shared rows alike).
INSERT INTO usage_lines_monthly (account_id, month, kind, call_type, destination_country, direction, message_type,
                                 currency, charged, result, records, billed_seconds, segments, total_charge)
SELECT :account, t.month, t.kind, t.call_type, t.destination_country, t.direction, t.message_type, t.currency,
       t.charged, t.result, t.records, t.billed_seconds, t.segments, t.total_charge
  FROM unnest(:months::date[], :kinds::text[], :callTypes::text[], :countries::text[], :directions::text[],
              :messageTypes::text[], :currencies::text[], :charged::boolean[], :results::text[], :records::bigint[],
              :seconds::bigint[], :segments::bigint[], :charges::numeric[])
       AS t (month, kind, call_type, destination_country, direction, message_type, currency, charged, result, records,
             billed_seconds, segments, total_charge)
    ON CONFLICT (account_id, month, kind, call_type, destination_country, direction, message_type, currency, charged,
                 result)
    DO UPDATE
   SET records = usage_lines_monthly.records + EXCLUDED.records,
       billed_seconds = usage_lines_monthly.billed_seconds + EXCLUDED.billed_seconds,
       segments = usage_lines_monthly.segments + EXCLUDED.segments,
       total_charge = usage_lines_monthly.total_charge + EXCLUDED.total_charge
