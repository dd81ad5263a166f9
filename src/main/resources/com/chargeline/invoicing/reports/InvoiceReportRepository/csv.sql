SELECT r.csv
  FROM invoice_report r
 WHERE r.master_account_id = :masterAccountId
   AND r.report_no = :reportNo
   AND r.expires_at > :now
   AND r.status = 'Completed'
