SELECT subscription_id, plan_group, plan_type, hosts, billing_cycle, status, service_effective_date,
       paid_period_start_date, cancel_at, auto_renew
  FROM subscription
 WHERE account_id = :accountId
 ORDER BY created_at, plan_group, plan_type
