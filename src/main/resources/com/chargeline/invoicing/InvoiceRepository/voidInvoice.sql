UPDATE invoice
   SET status = 'Void', void_reason = :reason, voided_at = :voidedAt
 WHERE account_id = :accountId
   AND invoice_id = :invoiceId
   AND status IN ('Draft', 'Posted')
