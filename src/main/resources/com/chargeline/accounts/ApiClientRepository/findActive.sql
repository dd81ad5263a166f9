-- The live (not revoked) client with this id, asked on every authenticated request, with its account's active base
-- plans: the rate limits' plan tier (RateLimiter's PLAN_QUERY, the same predicate) comes with the client check in
-- one round trip instead of a query of its own on every limited request.
SELECT c.account_id, c.client_id, c.secret_salt, c.secret_hash, c.scopes, c.name, c.created_at, c.rate_limited,
       ARRAY(SELECT s.plan_type FROM subscription s
              WHERE s.account_id = c.account_id AND s.plan_group = 'plan_base' AND s.status = 'active') AS base_plans
  FROM api_client c
 WHERE c.client_id = :clientId
   AND c.revoked_at IS NULL
