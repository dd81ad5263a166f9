INSERT INTO plan_audit (account_id, actor, at, action, before, after)
VALUES (:accountId, :actor, :at, :action, CAST(:before AS jsonb), CAST(:after AS jsonb))
