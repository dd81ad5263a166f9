-- The workers' queue, across masters on purpose: the oldest pending report that no other transaction has claimed.
-- The claim is this row lock, held until the generating transaction commits (Completed) or dies (still Processing,
-- free for the next worker). SKIP LOCKED: workers of several server processes never wait for or repeat each other;
-- a row completed after this statement's snapshot is re-checked against status = 'Processing' and skipped.
SELECT r.master_account_id, r.report_no, r.start_date, r.end_date, r.account_ids
  FROM invoice_report r
 WHERE r.status = 'Processing'
   AND r.expires_at > :now
 ORDER BY r.created_at, r.report_no
 LIMIT 1
   FOR UPDATE SKIP LOCKED
