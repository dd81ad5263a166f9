-- The first page of the call-charges report: current calls of one account in [from, until), in
-- (end time, id) order, a range scan of rated_call_page_idx from (account, from).
-- The optional filters are plain conditions on the scanned rows (a NULL billing account: all).
SELECT call_log_id, caller_number, caller_billing_number, callee_number, callee_billing_number, call_type,
       service_type, calling_party_name, cost_center, employee_id, department, end_time, duration_seconds,
       charge_mode, rate, currency, total_charge, charge_scale, billing_number, forward_number_billing
  FROM rated_call
 WHERE current
   AND account_id = :account
   AND end_time >= :from
   AND end_time < :until
   AND (CAST(:billingAccount AS text) IS NULL OR billing_account_id = :billingAccount)
   AND (NOT :chargesOnly OR total_charge > 0)
 ORDER BY account_id, end_time, call_log_id
 LIMIT :limit
