UPDATE api_client
   SET revoked_at = :at
 WHERE account_id = :accountId
   AND client_id = :clientId
   AND revoked_at IS NULL
