SELECT billing_account_id, name
  FROM billing_account
 WHERE account_id = :accountId
 ORDER BY billing_account_id
