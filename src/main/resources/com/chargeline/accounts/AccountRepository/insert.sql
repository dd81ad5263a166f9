INSERT INTO account (account_id, master_account_id, kind, account_name, account_type, owner_id, owner_email,
                     owner_first_name, owner_last_name, pay_mode, billing_auto_renew, connector_options,
                     country, created_at)
VALUES (:accountId, :masterAccountId, :kind, :name, :type, :ownerId, :ownerEmail,
        :ownerFirstName, :ownerLastName, :payMode, :billingAutoRenew, CAST(:connectorOptions AS jsonb),
        :country, :createdAt)
