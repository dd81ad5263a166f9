-- One directory write of an account at a time, across nodes too (held until the transaction ends).
SELECT pg_advisory_xact_lock(hashtext('chargeline.directory:' || CAST(:accountId AS text)))
