DELETE FROM invoice_report
 WHERE master_account_id = :masterAccountId
   AND report_no = :reportNo
   AND expires_at > :now
