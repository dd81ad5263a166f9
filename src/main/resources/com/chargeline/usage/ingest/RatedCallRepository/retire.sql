-- The calls of an account that ended in [start, end) are about to be rated again: their current
-- ratings stay as they were, but are current no more.
UPDATE rated_call
   SET current = false
 WHERE account_id = :accountId
   AND current
   AND end_time >= :start
   AND end_time < :end
