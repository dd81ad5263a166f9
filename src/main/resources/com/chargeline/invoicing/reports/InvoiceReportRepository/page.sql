-- A page of the master's reports, newest first: the primary key read backwards from :before (Long.MAX_VALUE for the
-- first page). Failed reports are not listed (Zoom's list knows Completed and Processing only); expired ones neither.
SELECT r.master_account_id, r.report_no, r.start_date, r.end_date, cardinality(r.account_ids) AS accounts_total,
       r.status, r.created_at, r.expires_at
  FROM invoice_report r
 WHERE r.master_account_id = :masterAccountId
   AND r.report_no < :before
   AND r.expires_at > :now
   AND r.status <> 'Failed'
 ORDER BY r.report_no DESC
 LIMIT :limit
