SELECT r.master_account_id, r.report_no, r.start_date, r.end_date, cardinality(r.account_ids) AS accounts_total,
       r.status, r.created_at, r.expires_at
  FROM invoice_report r
 WHERE r.master_account_id = :masterAccountId
   AND r.report_no = :reportNo
   AND r.expires_at > :now
