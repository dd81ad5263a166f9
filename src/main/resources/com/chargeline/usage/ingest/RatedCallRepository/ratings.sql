-- Every rating of one call, newest first. The explanation is the stored one completed from the
-- (immutable) deck version's rate row it names; records stored before explanations were slimmed
-- carry these fields themselves, and theirs win (the right operand of || wins).
SELECT c.call_log_id, c.rating_no, c.end_time, c.start_time, c.answer_time, c.duration_seconds,
       c.direction, c.caller_number, c.caller_billing_number, c.callee_number, c.callee_billing_number,
       c.extension_number, c.calling_party_name, c.cost_center, c.employee_id, c.department,
       c.billing_account_id, c.billing_number, c.forward_number_billing,
       c.call_type, c.service_type, c.result, c.charge_mode, c.rate, c.currency, c.total_charge,
       c.charge_scale, c.status, c.rating_error, c.rated_at,
       (jsonb_build_object(
           'increments', r.first_increment_s || '/' || r.next_increment_s,
           'charge_mode', r.charge_mode,
           'rate_per_min', trim_scale(r.rate_per_min)::text,
           'per_call_fee', trim_scale(r.per_call_fee)::text,
           'rate_prefix', r.prefix,
           'rate_destination', r.destination,
           'deck_name', d.name,
           'deck_precision', c.charge_scale) || c.explanation)::text AS explanation
  FROM rated_call c
  LEFT JOIN rate_deck d ON d.deck_id = CAST(c.explanation ->> 'deck_id' AS uuid)
  LEFT JOIN rate r ON r.account_id = d.account_id AND r.deck_id = d.deck_id
                  AND r.version = CAST(c.explanation ->> 'deck_version' AS integer)
                  AND r.row_no = CAST(c.explanation ->> 'rate_row' AS integer)
 WHERE c.account_id = :accountId
   AND c.call_log_id = :callLogId
 ORDER BY c.rating_no DESC
