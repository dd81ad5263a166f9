INSERT INTO billing_account (account_id, billing_account_id, name)
VALUES (:accountId, :billingAccountId, :name)
ON CONFLICT (account_id, billing_account_id) DO UPDATE SET name = EXCLUDED.name
