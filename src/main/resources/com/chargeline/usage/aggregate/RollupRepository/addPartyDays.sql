-- Adds one batch's usage-summary totals by the account's day, user, cost center, department and billing account to
-- usage_party_days. Element i of every array is one key and its totals, in key order.
INSERT INTO usage_party_days (account_id, day, kind, user_id, cost_center, department, billing_account_id, currency,
                              records, billed_seconds, segments, total_charge)
SELECT :account, t.day, t.kind, t.user_id, t.cost_center, t.department, t.billing_account_id, t.currency, t.records,
       t.billed_seconds, t.segments, t.total_charge
  FROM unnest(:days::date[], :kinds::text[], :users::text[], :costCenters::text[], :departments::text[],
              :billingAccounts::text[], :currencies::text[], :records::bigint[], :seconds::bigint[],
              :segments::bigint[], :charges::numeric[])
       AS t (day, kind, user_id, cost_center, department, billing_account_id, currency, records, billed_seconds,
             segments, total_charge)
    ON CONFLICT (account_id, day, kind, user_id, cost_center, department, billing_account_id, currency)
    DO UPDATE
   SET records = usage_party_days.records + EXCLUDED.records,
       billed_seconds = usage_party_days.billed_seconds + EXCLUDED.billed_seconds,
       segments = usage_party_days.segments + EXCLUDED.segments,
       total_charge = usage_party_days.total_charge + EXCLUDED.total_charge
