-- The current rating of every call of an account that ended in [start, end), in rating order, locked
-- for re-rating: what it takes to rate the call again, and to take the rating out of the rollups.
SELECT call_log_id, rating_no, direction, caller_number, callee_number, extension_number,
       start_time, answer_time, end_time, duration_seconds, result, service_type, call_type,
       calling_party_name, cost_center, employee_id, department, billing_number, billing_account_id,
       caller_billing_number, callee_billing_number, forward_number_billing,
       currency, total_charge, destination_country, user_id,
       CAST(explanation ->> 'billed_seconds' AS bigint) AS billed_seconds
  FROM rated_call
 WHERE account_id = :accountId
   AND current
   AND end_time >= :start
   AND end_time < :end
 ORDER BY end_time, call_log_id COLLATE "C"
   FOR UPDATE
