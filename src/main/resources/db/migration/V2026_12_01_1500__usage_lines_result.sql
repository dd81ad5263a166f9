-- The invoice-line totals also keep a call's result (answered, missed, voicemail, abandoned; '' for messages), which
-- the Talkdesk monthly usage reports as each row's resolution. Invoices sum over it. The call rows are rebuilt
-- from the current ratings (a scan of rated_call, once), with the country each call was priced by where the rating
-- kept it ('' before it did, as re-rating takes such calls out).
ALTER TABLE usage_lines_monthly ADD COLUMN result text NOT NULL DEFAULT '';
ALTER TABLE usage_lines_monthly DROP CONSTRAINT usage_lines_monthly_pkey;
DELETE FROM usage_lines_monthly WHERE kind = 'call';
INSERT INTO usage_lines_monthly (account_id, month, kind, call_type, destination_country, direction, message_type,
                                 currency, charged, result, records, billed_seconds, segments, total_charge)
SELECT c.account_id, date_trunc('month', c.end_time AT TIME ZONE a.time_zone)::date, 'call', c.call_type,
       coalesce(c.destination_country, ''), c.direction, '', c.currency, c.total_charge > 0, c.result, count(*),
       coalesce(sum(CAST(c.explanation ->> 'billed_seconds' AS bigint)), 0), 0, sum(c.total_charge)
  FROM rated_call c JOIN account a ON a.account_id = c.account_id
 WHERE c.current
 GROUP BY 1, 2, 4, 5, 6, 8, 9, 10;
ALTER TABLE usage_lines_monthly ADD PRIMARY KEY (account_id, month, kind, call_type, destination_country, direction,
                                                 message_type, currency, charged, result);
