UPDATE invoice_report
   SET status = 'Failed', failure = :failure, finished_at = :finishedAt
 WHERE master_account_id = :masterAccountId
   AND report_no = :reportNo
   AND status = 'Processing'
