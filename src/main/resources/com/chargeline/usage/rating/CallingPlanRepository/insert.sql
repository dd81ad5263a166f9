-- Creates a calling plan unless the account already has one of that name; returns the rows inserted (0 or 1).
INSERT INTO calling_plan (account_id, plan_id, name, scope, included_minutes, call_types, regions)
VALUES (:accountId, :planId, :name, :scope, :includedMinutes, :callTypes, :regions)
ON CONFLICT (account_id, name) DO NOTHING
