INSERT INTO plan_discount (master_account_id, percent, updated_at)
VALUES (:masterAccountId, :percent, :updatedAt)
ON CONFLICT (master_account_id) DO UPDATE
   SET percent = EXCLUDED.percent, updated_at = EXCLUDED.updated_at
