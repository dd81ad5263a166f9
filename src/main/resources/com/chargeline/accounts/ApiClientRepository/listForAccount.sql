SELECT c.client_id, c.name, c.scopes, c.created_at, c.revoked_at
  FROM api_client c
 WHERE c.account_id = :accountId
 ORDER BY c.created_at, c.client_id
