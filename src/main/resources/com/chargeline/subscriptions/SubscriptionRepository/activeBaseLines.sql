SELECT account_id, subscription_id, plan_group, plan_type, hosts, billing_cycle, status, service_effective_date,
       paid_period_start_date, cancel_at, auto_renew
  FROM subscription
 WHERE account_id = ANY(CAST(:accountIds AS uuid[]))
   AND plan_group = 'plan_base'
   AND status = 'active'
 ORDER BY created_at
