UPDATE subscription
   SET cancel_at = :cancelAt, cancel_reason = :reason, auto_renew = false, updated_at = :now
 WHERE account_id = :accountId
   AND subscription_id = :subscriptionId
