SELECT count(*)
  FROM account a
 WHERE a.master_account_id = :masterAccountId
   AND (CAST(:email AS text) IS NULL OR lower(a.owner_email) = lower(:email))
   AND (CAST(:phoneDigits AS text) IS NULL OR EXISTS (
           SELECT 1 FROM billing_contact b
            WHERE b.account_id = a.account_id
              AND regexp_replace(b.phone_number, '[^0-9]', '', 'g') = :phoneDigits))
