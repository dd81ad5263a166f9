-- How many current messages of one account the report has in [from, until), with no filter: used for
-- the partial hours at the ends of a window only (whole hours come from usage_hourly). An index-only
-- scan of rated_sms_page_idx (see countCalls.sql for why the charged-only count is apart).
SELECT count(*)
  FROM rated_sms
 WHERE account_id = :account
   AND current
   AND sent_time >= :from
   AND sent_time < :until
