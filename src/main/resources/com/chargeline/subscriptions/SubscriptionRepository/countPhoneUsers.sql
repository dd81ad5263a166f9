SELECT count(*)
  FROM phone_user
 WHERE account_id = :accountId
