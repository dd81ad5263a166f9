INSERT INTO invoice_item (account_id, invoice_id, line_no, kind, description, quantity, unit_price, amount,
                          start_date, end_date, charge_type, corrects_period)
VALUES (:accountId, :invoiceId, :lineNo, :kind, :description, :quantity, :unitPrice, :amount,
        :startDate, :endDate, :chargeType, :correctsPeriod)
