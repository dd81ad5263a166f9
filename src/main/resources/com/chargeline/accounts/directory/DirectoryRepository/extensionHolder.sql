SELECT user_id, email FROM phone_user WHERE account_id = :accountId AND extension_number = :extension
