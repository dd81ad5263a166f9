-- The calls re-rating read (call_log_id and rating number, as currentInWindow returned them) are about to be
-- rated again: their current ratings stay as they were, but are current no more. Only those rows: a call
-- another batch stored meanwhile keeps its rating (and its place in the rollups).
UPDATE rated_call
   SET current = false
 WHERE account_id = :accountId
   AND current
   AND end_time >= :start
   AND end_time < :end
   AND (call_log_id, rating_no) IN (SELECT * FROM unnest(CAST(:ids AS text[]), CAST(:ratingNos AS integer[])))
