UPDATE invoice_report
   SET status = 'Completed', csv = :csv, finished_at = :finishedAt
 WHERE master_account_id = :masterAccountId
   AND report_no = :reportNo
   AND status = 'Processing'
