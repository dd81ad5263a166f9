-- Locks the account row: changes to the plans of one account run one at a time.
SELECT account_id
  FROM account
 WHERE account_id = :accountId
   FOR UPDATE
