-- Marks the session as used now (its idle limit counts from here).
UPDATE dashboard_session SET last_seen_at = :now WHERE session_hash = :hash
