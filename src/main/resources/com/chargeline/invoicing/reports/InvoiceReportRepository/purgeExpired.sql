-- Across masters on purpose (the worker's clean-up): reports kept past their 30 days (invoice_report_expiry_idx).
DELETE FROM invoice_report
 WHERE expires_at <= :now
