-- Signs a session out.
DELETE FROM dashboard_session WHERE session_hash = :hash
