-- Adds one batch's invoice-line totals (months in the account zone) to usage_lines_monthly: calls by call
-- type, destination country, direction and result, messages by direction, type and country, with segments; and the
-- same totals by product (the countries and the charged flag summed) to usage_products_monthly, in the same
-- statement (one round trip). Element i of every array is one key and its totals, in key order, and the products are
-- added in their key order (concurrent batches lock shared rows alike).
WITH t AS (
    SELECT *
      FROM unnest(:months::date[], :kinds::text[], :callTypes::text[], :countries::text[], :directions::text[],
                  :messageTypes::text[], :currencies::text[], :charged::boolean[], :results::text[], :records::bigint[],
                  :seconds::bigint[], :segments::bigint[], :charges::numeric[])
           AS t (month, kind, call_type, destination_country, direction, message_type, currency, charged, result,
                 records, billed_seconds, segments, total_charge)
), lines AS (
    INSERT INTO usage_lines_monthly (account_id, month, kind, call_type, destination_country, direction, message_type,
                                     currency, charged, result, records, billed_seconds, segments, total_charge)
    SELECT :account, t.month, t.kind, t.call_type, t.destination_country, t.direction, t.message_type, t.currency,
           t.charged, t.result, t.records, t.billed_seconds, t.segments, t.total_charge
      FROM t
        ON CONFLICT (account_id, month, kind, call_type, destination_country, direction, message_type, currency,
                     charged, result)
        DO UPDATE
       SET records = usage_lines_monthly.records + EXCLUDED.records,
           billed_seconds = usage_lines_monthly.billed_seconds + EXCLUDED.billed_seconds,
           segments = usage_lines_monthly.segments + EXCLUDED.segments,
           total_charge = usage_lines_monthly.total_charge + EXCLUDED.total_charge
)
INSERT INTO usage_products_monthly (account_id, month, kind, currency, call_type, message_type, direction, result,
                                    records, billed_seconds, segments, total_charge)
SELECT :account, t.month, t.kind, t.currency, t.call_type, t.message_type, t.direction, t.result, sum(t.records),
       sum(t.billed_seconds), sum(t.segments), sum(t.total_charge)
  FROM t
 GROUP BY t.month, t.kind, t.currency, t.call_type, t.message_type, t.direction, t.result
 ORDER BY t.month, t.kind, t.currency, t.call_type, t.message_type, t.direction, t.result
    ON CONFLICT (account_id, month, kind, currency, call_type, message_type, direction, result)
    DO UPDATE
   SET records = usage_products_monthly.records + EXCLUDED.records,
       billed_seconds = usage_products_monthly.billed_seconds + EXCLUDED.billed_seconds,
       segments = usage_products_monthly.segments + EXCLUDED.segments,
       total_charge = usage_products_monthly.total_charge + EXCLUDED.total_charge
