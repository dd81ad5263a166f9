-- The auto-renewing, not cancelled, active plan lines of a master's master-paid sub accounts,
-- by account number, then in the order they were bought.
SELECT a.account_id, a.account_number, a.account_name, a.owner_email, a.time_zone,
       s.plan_type, s.hosts, s.billing_cycle, s.service_effective_date, s.paid_period_start_date
  FROM account a
  JOIN subscription s ON s.account_id = a.account_id
 WHERE a.master_account_id = :masterId
   AND a.pay_mode = 'master'
   AND s.status = 'active'
   AND s.cancel_at IS NULL
   AND s.auto_renew
 ORDER BY a.account_number, s.created_at
