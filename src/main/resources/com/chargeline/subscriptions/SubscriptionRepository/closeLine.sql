-- A cancelled line past the end of its paid period (cancel_at), stored as cancelled so that another line
-- of its type may be active.
UPDATE subscription
   SET status = 'cancelled', updated_at = :now
 WHERE account_id = :accountId
   AND subscription_id = :subscriptionId
   AND status = 'active'
   AND cancel_at IS NOT NULL
