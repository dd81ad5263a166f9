-- Included seconds used so far, per plan holder, in the given months (first days of the account's months).
SELECT plan_id, holder, month, used_seconds
  FROM allowance_usage
 WHERE account_id = :accountId
   AND month = ANY(CAST(:months AS date[]))
