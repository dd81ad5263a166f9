UPDATE account
   SET master_account_id = NULL,
       disassociated_at = :at
 WHERE account_id = :accountId
   AND master_account_id = :masterAccountId
