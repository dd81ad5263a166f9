SELECT user_id FROM phone_user WHERE account_id = :accountId AND lower(email) = lower(:email)
