INSERT INTO phone_number (account_id, number, user_id, billing_account_id)
VALUES (:accountId, :number, :userId, :billingAccountId)
ON CONFLICT (account_id, number) DO UPDATE
   SET user_id = EXCLUDED.user_id, billing_account_id = EXCLUDED.billing_account_id
