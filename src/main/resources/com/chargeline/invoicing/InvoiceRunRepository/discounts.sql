-- The discount of each master of these accounts, in percent of the price book.
SELECT d.master_account_id, d.percent
  FROM plan_discount d
 WHERE d.master_account_id IN (SELECT a.master_account_id
                                 FROM account a
                                WHERE a.account_id = ANY(CAST(:ids AS uuid[]))
                                  AND a.master_account_id IS NOT NULL)
