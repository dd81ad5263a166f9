-- A later page of the call-charges report: the calls after the position (afterTime, afterId).
-- Both bounds are row comparisons on the columns of rated_call_page_idx, so the scan starts at the
-- position and stops at the end of the window. With an equality on account_id beside them PostgreSQL
-- starts at the first entry of the account and filters its way to the position (2 800 pages read
-- for the last page of 300 000 calls instead of 8); that is why the first page has its own statement.
-- The lower bound on end_time stays for partition pruning.
SELECT call_log_id, caller_number, caller_billing_number, callee_number, callee_billing_number, call_type,
       service_type, calling_party_name, cost_center, employee_id, department, end_time, duration_seconds,
       charge_mode, rate, currency, total_charge, charge_scale, billing_number, forward_number_billing
  FROM rated_call
 WHERE current
   AND (account_id, end_time, call_log_id) > (:account, :afterTime, :afterId)
   AND (account_id, end_time) < (:account, :until)
   AND end_time >= :from
   AND (CAST(:billingAccount AS text) IS NULL OR billing_account_id = :billingAccount)
   AND (NOT :chargesOnly OR total_charge > 0)
 ORDER BY account_id, end_time, call_log_id
 LIMIT :limit
