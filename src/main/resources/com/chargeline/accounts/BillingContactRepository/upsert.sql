INSERT INTO billing_contact (account_id, first_name, last_name, email, phone_number, address, apt, city, state,
                             zip, country, employee_count, updated_at)
VALUES (:accountId, :firstName, :lastName, :email, :phoneNumber, :address, :apt, :city, :state,
        :zip, :country, :employeeCount, :updatedAt)
ON CONFLICT (account_id) DO UPDATE
   SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name, email = EXCLUDED.email,
       phone_number = EXCLUDED.phone_number, address = EXCLUDED.address, apt = EXCLUDED.apt,
       city = EXCLUDED.city, state = EXCLUDED.state, zip = EXCLUDED.zip, country = EXCLUDED.country,
       employee_count = EXCLUDED.employee_count, updated_at = EXCLUDED.updated_at
