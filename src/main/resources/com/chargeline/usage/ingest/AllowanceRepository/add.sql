-- Adds a batch's drawn seconds to one holder's month.
INSERT INTO allowance_usage (account_id, plan_id, holder, month, used_seconds)
VALUES (:accountId, :planId, :holder, :month, :seconds)
ON CONFLICT (account_id, plan_id, holder, month)
DO UPDATE SET used_seconds = allowance_usage.used_seconds + EXCLUDED.used_seconds
