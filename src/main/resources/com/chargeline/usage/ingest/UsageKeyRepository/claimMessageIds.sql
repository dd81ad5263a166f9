-- Claims message ids for an account; returns only those not claimed before (a resend's ids come back empty).
-- The ids arrive sorted, so concurrent batches that share ids lock them in one order.
INSERT INTO sms_key (account_id, message_id, sent_time)
SELECT :accountId, id, t
  FROM unnest(CAST(:ids AS text[]), CAST(:times AS timestamptz[])) AS x(id, t)
ON CONFLICT DO NOTHING
RETURNING message_id
