SELECT c.revoked_at IS NOT NULL
  FROM api_client c
 WHERE c.account_id = :accountId
   AND c.client_id = :clientId
