INSERT INTO subscription (subscription_id, account_id, plan_group, plan_type, hosts, billing_cycle, status,
                          service_effective_date, paid_period_start_date, contract_term, purchase_order_number,
                          deal_registration_id, created_at, updated_at)
VALUES (:subscriptionId, :accountId, :group, :type, :hosts, :cycle, 'active',
        :start, :start, :contractTerm, :purchaseOrderNumber,
        :dealRegistrationId, :now, :now)
