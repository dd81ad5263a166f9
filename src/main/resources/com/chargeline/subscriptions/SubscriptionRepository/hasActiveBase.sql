SELECT EXISTS (SELECT 1
                 FROM subscription
                WHERE account_id = :accountId
                  AND plan_group = 'plan_base'
                  AND status = 'active')
