-- Drafts whose review period is over (created at or before :createdBy), oldest first.
SELECT i.account_id, i.invoice_id
  FROM invoice i
 WHERE i.status = 'Draft'
   AND i.created_at <= :createdBy
 ORDER BY i.created_at, i.account_id, i.invoice_id
