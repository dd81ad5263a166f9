-- Waits for the automatic invoicing's claim (see tryClaim.sql); pg_advisory_lock returns void, shown as ''.
SELECT pg_advisory_lock(:key)::text
