-- The account's plan lines bought with a purchase order number (what Zoom's invoice items show as purchase_order_number).
SELECT subscription_id, purchase_order_number
  FROM subscription
 WHERE account_id = :accountId
   AND purchase_order_number IS NOT NULL
   AND purchase_order_number <> ''
