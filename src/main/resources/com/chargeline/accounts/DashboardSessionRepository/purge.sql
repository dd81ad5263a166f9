-- Forgets sessions past their absolute expiry or idle since :idleSince (run at each sign-in).
DELETE FROM dashboard_session WHERE expires_at <= :now OR last_seen_at <= :idleSince
