UPDATE subscription
   SET hosts = :hosts, updated_at = :now
 WHERE account_id = :accountId
   AND subscription_id = :subscriptionId
