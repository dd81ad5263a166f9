SELECT at, actor, action, before::text AS before, after::text AS after
  FROM plan_audit
 WHERE account_id = :accountId
 ORDER BY audit_id DESC
 LIMIT :limit
