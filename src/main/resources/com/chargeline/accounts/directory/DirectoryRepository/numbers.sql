SELECT number, user_id, billing_account_id
  FROM phone_number
 WHERE account_id = :accountId
 ORDER BY number
