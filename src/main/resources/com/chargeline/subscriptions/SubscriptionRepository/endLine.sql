UPDATE subscription
   SET status = 'expired', cancel_at = :today, auto_renew = false, updated_at = :now
 WHERE account_id = :accountId
   AND subscription_id = :subscriptionId
