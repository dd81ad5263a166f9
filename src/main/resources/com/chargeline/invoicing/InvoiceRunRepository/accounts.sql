-- What the run needs of each account: its zone and currency, who pays (the master for a master-paid sub account,
-- else the account itself) and the payer's bill-to country and state (for the taxes), the master whose discount
-- applies to its plans.
SELECT a.account_id, a.master_account_id, a.time_zone, a.currency,
       p.account_id AS payer_id, p.country AS payer_country,
       coalesce(bc.country, '') AS bill_to_country, coalesce(bc.state, '') AS bill_to_state
  FROM account a
  JOIN account p ON p.account_id = CASE WHEN a.master_account_id IS NOT NULL AND a.pay_mode = 'master'
                                        THEN a.master_account_id ELSE a.account_id END
  LEFT JOIN billing_contact bc ON bc.account_id = p.account_id
 WHERE a.account_id = ANY(CAST(:ids AS uuid[]))
