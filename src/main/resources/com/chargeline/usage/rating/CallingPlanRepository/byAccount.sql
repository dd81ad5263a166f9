-- An account's calling plans.
SELECT plan_id, name, scope, included_minutes, call_types, regions
  FROM calling_plan
 WHERE account_id = :accountId
