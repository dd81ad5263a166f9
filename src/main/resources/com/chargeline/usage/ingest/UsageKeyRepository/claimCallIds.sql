-- Claims call ids for an account; returns only those not claimed before (a resend's ids come back empty).
-- The ids arrive sorted, so concurrent batches that share ids lock them in one order.
INSERT INTO call_key (account_id, call_log_id, end_time)
SELECT :accountId, id, t
  FROM unnest(CAST(:ids AS text[]), CAST(:times AS timestamptz[])) AS x(id, t)
ON CONFLICT DO NOTHING
RETURNING call_log_id
