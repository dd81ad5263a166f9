-- Those of the given accounts that are sub accounts of the master now, by account number (account_master_idx).
SELECT account_id, master_account_id, kind, account_number, account_name, account_type, seats, country, time_zone,
       currency, owner_id, owner_email, owner_first_name, owner_last_name, pay_mode, billing_auto_renew,
       connector_options::text AS connector_options, created_at
  FROM account
 WHERE master_account_id = :masterAccountId
   AND account_id = ANY(CAST(:accountIds AS uuid[]))
 ORDER BY account_number
