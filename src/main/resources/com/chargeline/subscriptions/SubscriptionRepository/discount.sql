SELECT percent
  FROM plan_discount
 WHERE master_account_id = :masterAccountId
