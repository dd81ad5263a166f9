-- Whether any call or message of the account has been taken (its id claimed).
SELECT EXISTS (SELECT 1 FROM call_key WHERE account_id = :accountId)
    OR EXISTS (SELECT 1 FROM sms_key WHERE account_id = :accountId)
