-- A new signed-in session of one API client; the id itself is never stored, only its SHA-256.
INSERT INTO dashboard_session (session_hash, account_id, client_id, csrf_token, created_at, last_seen_at, expires_at)
VALUES (:hash, :accountId, :clientId, :csrf, :now, :now, :expiresAt)
