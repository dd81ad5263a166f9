UPDATE invoice
   SET status = 'Posted', number = :number, invoice_date = :invoiceDate, due_date = :dueDate, posted_at = :postedAt
 WHERE account_id = :accountId
   AND invoice_id = :invoiceId
   AND status = 'Draft'
