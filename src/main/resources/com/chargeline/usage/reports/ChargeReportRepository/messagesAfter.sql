-- A later page of the SMS-charges report: the messages after the position (afterTime, afterId),
-- bounded by row comparisons on the columns of rated_sms_page_idx (see callsAfter.sql for why).
SELECT session_id, message_id, message_type, from_number, from_extension_number, from_display_name, to_number,
       to_extension_number, to_display_name, sent_time, billing_number, cost_center, department, rate, currency,
       total_charge, charge_scale
  FROM rated_sms
 WHERE current
   AND (account_id, sent_time, message_id) > (:account, :afterTime, :afterId)
   AND (account_id, sent_time) < (:account, :until)
   AND sent_time >= :from
   AND (NOT :chargesOnly OR total_charge > 0)
 ORDER BY account_id, sent_time, message_id
 LIMIT :limit
