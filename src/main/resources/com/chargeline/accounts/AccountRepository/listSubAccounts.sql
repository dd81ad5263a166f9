SELECT account_id, master_account_id, kind, account_number, account_name, account_type, seats, country, time_zone,
       currency, owner_id, owner_email, owner_first_name, owner_last_name, pay_mode, billing_auto_renew,
       connector_options::text AS connector_options, created_at
  FROM account a
 WHERE a.master_account_id = :masterAccountId
   AND a.account_number > :afterNumber
   AND (CAST(:email AS text) IS NULL OR lower(a.owner_email) = lower(:email))
   AND (CAST(:phoneDigits AS text) IS NULL OR EXISTS (
           SELECT 1 FROM billing_contact b
            WHERE b.account_id = a.account_id
              AND regexp_replace(b.phone_number, '[^0-9]', '', 'g') = :phoneDigits))
 ORDER BY a.account_number
 OFFSET :offset
 LIMIT :limit
