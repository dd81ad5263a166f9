-- Serialises the batches of one account that draw included minutes (held until the transaction ends),
-- so that two batches can never both spend the same last minutes.
SELECT pg_advisory_xact_lock(hashtext('chargeline.allowance:' || CAST(:accountId AS text)))
