INSERT INTO invoice_report (master_account_id, start_date, end_date, account_ids, status, created_at, expires_at)
VALUES (:masterAccountId, :startDate, :endDate, CAST(:accountIds AS uuid[]), 'Processing', :createdAt, :expiresAt)
RETURNING master_account_id, report_no, start_date, end_date, cardinality(account_ids) AS accounts_total, status,
          created_at, expires_at
