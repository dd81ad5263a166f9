-- countMessages.sql for the messages with a charge only.
SELECT count(*)
  FROM rated_sms
 WHERE account_id = :account
   AND current
   AND sent_time >= :from
   AND sent_time < :until
   AND total_charge > 0
