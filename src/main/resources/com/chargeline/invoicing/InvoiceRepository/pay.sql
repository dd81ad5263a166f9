UPDATE invoice
   SET paid = :paid, status = :status
 WHERE account_id = :accountId
   AND invoice_id = :invoiceId
   AND status = 'Posted'
