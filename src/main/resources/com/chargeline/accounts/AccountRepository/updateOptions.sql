UPDATE account
   SET pay_mode = :payMode,
       billing_auto_renew = :billingAutoRenew,
       connector_options = CAST(:connectorOptions AS jsonb)
 WHERE account_id = :accountId
