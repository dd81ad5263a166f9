-- The plan lines in service at some time from :earliest to :horizon, with their hosts over time
-- (subscription_hosts, oldest first) as parallel arrays (NULL for a line without history: its current hosts hold).
SELECT s.account_id, s.subscription_id, s.plan_type, s.billing_cycle, s.service_effective_date,
       s.paid_period_start_date, s.cancel_at, s.purchase_order_number, s.hosts,
       array_agg(h.effective_on ORDER BY h.effective_on) FILTER (WHERE h.effective_on IS NOT NULL) AS host_days,
       array_agg(h.hosts ORDER BY h.effective_on) FILTER (WHERE h.effective_on IS NOT NULL) AS host_counts
  FROM subscription s
  LEFT JOIN subscription_hosts h ON h.account_id = s.account_id AND h.subscription_id = s.subscription_id
 WHERE s.account_id = ANY(CAST(:ids AS uuid[]))
   AND s.service_effective_date <= :horizon
   AND (s.cancel_at IS NULL OR s.cancel_at > :earliest)
 GROUP BY s.account_id, s.subscription_id
 ORDER BY s.account_id, s.created_at, s.plan_group, s.plan_type
