SELECT c.account_id, c.client_id, c.secret_salt, c.secret_hash, c.scopes, c.name, c.created_at, c.rate_limited
  FROM api_client c
 WHERE c.client_id = :clientId
   AND c.revoked_at IS NULL
