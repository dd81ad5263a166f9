-- The accounts the run for :month (its first day) may invoice, by account number: not invoiced for the month yet
-- (a void invoice aside) and with something to bill: a plan line in service during the year before the month up to
-- the next month (plans are charged in advance; months a run skipped are caught up), or charged usage rated into the
-- month or any month before it (late or re-rated usage of a month is adjusted on the next invoice, also for a month
-- never invoiced). :only limits the run to one account (NULL for all).
SELECT a.account_id
  FROM account a
 WHERE (CAST(:only AS uuid) IS NULL OR a.account_id = :only)
   AND NOT EXISTS (SELECT 1
                     FROM invoice i
                    WHERE i.account_id = a.account_id
                      AND i.period_start = :month
                      AND i.status <> 'Void')
   AND (EXISTS (SELECT 1
                  FROM subscription s
                 WHERE s.account_id = a.account_id
                   AND s.service_effective_date <= :horizon
                   AND (s.cancel_at IS NULL OR s.cancel_at > :earliest))
        OR EXISTS (SELECT 1
                     FROM usage_lines_monthly u
                    WHERE u.account_id = a.account_id
                      AND u.month <= :month
                      AND u.charged))
 ORDER BY a.account_number
