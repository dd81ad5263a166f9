SELECT first_name, last_name, email, phone_number, address, apt, city, state, zip, country, employee_count
  FROM billing_contact
 WHERE account_id = :accountId
