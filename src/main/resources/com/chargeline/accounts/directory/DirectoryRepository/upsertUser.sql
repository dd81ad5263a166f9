INSERT INTO phone_user (account_id, user_id, email, name, extension_number, employee_id, department, cost_center,
                        calling_plan, billing_account_id, updated_at)
VALUES (:accountId, :userId, :email, :name, :extensionNumber, :employeeId, :department, :costCenter,
        :callingPlan, :billingAccountId, :at)
ON CONFLICT (account_id, user_id) DO UPDATE
   SET email = EXCLUDED.email, name = EXCLUDED.name, extension_number = EXCLUDED.extension_number,
       employee_id = EXCLUDED.employee_id, department = EXCLUDED.department, cost_center = EXCLUDED.cost_center,
       calling_plan = EXCLUDED.calling_plan, billing_account_id = EXCLUDED.billing_account_id,
       updated_at = EXCLUDED.updated_at
