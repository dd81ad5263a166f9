INSERT INTO api_client (account_id, client_id, secret_salt, secret_hash, scopes, name, created_at)
VALUES (:accountId, :clientId, :salt, :hash, :scopes, :name, :createdAt)
