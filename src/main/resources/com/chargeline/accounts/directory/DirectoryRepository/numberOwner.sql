SELECT account_id FROM phone_number WHERE number = :number
