-- The first page of the SMS-charges report: current messages of one account in [from, until), in
-- (sent time, id) order, a range scan of rated_sms_page_idx from (account, from).
SELECT session_id, message_id, message_type, from_number, from_extension_number, from_display_name, to_number,
       to_extension_number, to_display_name, sent_time, billing_number, cost_center, department, rate, currency,
       total_charge, charge_scale
  FROM rated_sms
 WHERE current
   AND account_id = :account
   AND sent_time >= :from
   AND sent_time < :until
   AND (NOT :chargesOnly OR total_charge > 0)
 ORDER BY account_id, sent_time, message_id
 LIMIT :limit
