UPDATE api_client
   SET rate_limited = :rateLimited
 WHERE account_id = :accountId
   AND client_id = :clientId
