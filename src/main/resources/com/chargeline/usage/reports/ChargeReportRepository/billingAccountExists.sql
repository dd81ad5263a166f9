-- Whether the directory of the account has this billing account.
SELECT EXISTS (SELECT 1
                 FROM billing_account
                WHERE account_id = :account
                  AND billing_account_id = :id)
