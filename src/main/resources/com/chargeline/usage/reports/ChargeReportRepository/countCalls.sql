-- How many current calls of one account the report has in [from, until), with no filter: used for the
-- partial hours at the ends of a window only (whole hours come from usage_hourly). An index-only scan
-- of rated_call_page_idx. Kept apart from countCallsFiltered.sql because a filter that may or may not
-- apply would need the rows, and a generic plan of it could not stay index-only.
SELECT count(*)
  FROM rated_call
 WHERE account_id = :account
   AND current
   AND end_time >= :from
   AND end_time < :until
