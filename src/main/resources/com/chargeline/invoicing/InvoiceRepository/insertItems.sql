INSERT INTO invoice_item (account_id, invoice_id, line_no, kind, description, quantity, unit_price, amount,
                          start_date, end_date, charge_type, corrects_period, usage_kind, direction, usage_type,
                          country, records, billed_seconds, segments, subscription_id, plan_type)
VALUES (:accountId, :invoiceId, :lineNo, :kind, :description, :quantity, :unitPrice, :amount,
        :startDate, :endDate, :chargeType, :correctsPeriod, :usageKind, :direction, :usageType,
        :country, :records, :billedSeconds, :segments, :subscriptionId, :planType)
