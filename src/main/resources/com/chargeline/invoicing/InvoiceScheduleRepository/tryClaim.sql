-- The automatic invoicing of every server process sharing this database is claimed by one session at a time
-- (a session-level advisory lock, released by release.sql or when the session ends, e.g. the process dies).
SELECT pg_try_advisory_lock(:key)
