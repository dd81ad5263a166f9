-- How many current messages of one account the report has in [from, until): used for the partial hours
-- at the ends of a window only (the whole hours come from usage_hourly), through rated_sms_page_idx.
SELECT count(*)
  FROM rated_sms
 WHERE account_id = :account
   AND current
   AND sent_time >= :from
   AND sent_time < :until
   AND (NOT :chargesOnly OR total_charge > 0)
