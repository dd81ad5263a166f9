SELECT user_id, email, name, extension_number, employee_id, department, cost_center, calling_plan, billing_account_id
  FROM phone_user
 WHERE account_id = :accountId
 ORDER BY lower(email)
