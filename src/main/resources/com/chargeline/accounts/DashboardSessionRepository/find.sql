-- The live session with this id hash: not past its absolute expiry, not idle since :idleSince.
SELECT account_id, client_id, csrf_token, last_seen_at
  FROM dashboard_session
 WHERE session_hash = :hash
   AND expires_at > :now
   AND last_seen_at > :idleSince
