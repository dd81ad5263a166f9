-- The names of the account's calling plans, which users may be assigned to.
SELECT name
  FROM calling_plan
 WHERE account_id = :accountId
