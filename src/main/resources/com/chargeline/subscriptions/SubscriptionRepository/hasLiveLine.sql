-- Any line active, or cancelled but still in its paid period today (in the account time zone).
SELECT EXISTS (SELECT 1
                 FROM subscription
                WHERE account_id = :accountId
                  AND status = 'active'
                  AND (cancel_at IS NULL OR cancel_at > :today))
