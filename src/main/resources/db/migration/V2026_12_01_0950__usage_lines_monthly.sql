-- What invoice usage lines are made of, per account and month (the first day of the month in the account's
-- zone): calls by call type, destination country and direction; messages by direction, type and country, with
-- their segments; charged records apart from those without a charge (free inbound calls, rating errors), so
-- that an invoice counts what it bills. Its own table because adding these dimensions to usage_monthly (which also keeps cost
-- center, department and billing account) multiplied that table's rows per batch and cost about 10 points of
-- the ingest ratio; this one has a few dozen rows per account and month.
--
-- The months are cut in the account's zone when a record is rated (Rollups.month), so a month of a +05:30 or
-- +05:45 account, or a DST month of 743/745 hours, is exact without reading the hourly edges.
CREATE TABLE usage_lines_monthly (
    account_id           uuid           NOT NULL,
    month                date           NOT NULL,
    kind                 text           NOT NULL CHECK (kind IN ('call', 'sms')),
    call_type            text           NOT NULL,
    destination_country  text           NOT NULL,
    direction            text           NOT NULL,
    message_type         text           NOT NULL,
    currency             char(3)        NOT NULL,
    charged              boolean        NOT NULL,
    records              bigint         NOT NULL,
    billed_seconds       bigint         NOT NULL,
    segments             bigint         NOT NULL,
    total_charge         numeric(24,10) NOT NULL,
    PRIMARY KEY (account_id, month, kind, call_type, destination_country, direction, message_type, currency, charged)
) WITH (fillfactor = 70);

-- A rated call keeps the country it was priced by, so that re-rating takes the old rating out of the line it
-- was added to. Calls rated before this migration have NULL here and were backfilled below under '' (unknown).
ALTER TABLE rated_call ADD COLUMN destination_country text;

-- Backfill from the current ratings (a scan of the rated tables, once). The month is the account's.
INSERT INTO usage_lines_monthly (account_id, month, kind, call_type, destination_country, direction, message_type,
                                 currency, charged, records, billed_seconds, segments, total_charge)
SELECT c.account_id, date_trunc('month', c.end_time AT TIME ZONE a.time_zone)::date, 'call', c.call_type, '',
       c.direction, '', c.currency, c.total_charge > 0, count(*),
       coalesce(sum(CAST(c.explanation ->> 'billed_seconds' AS bigint)), 0), 0, sum(c.total_charge)
  FROM rated_call c JOIN account a ON a.account_id = c.account_id
 WHERE c.current
 GROUP BY 1, 2, 4, 6, 8, 9
UNION ALL
SELECT s.account_id, date_trunc('month', s.sent_time AT TIME ZONE a.time_zone)::date, 'sms', '',
       coalesce(nullif(s.explanation ->> 'destination_country', 'ZZ'), ''), s.direction, s.message_type, s.currency,
       s.total_charge > 0, count(*), 0, sum(s.segments), sum(s.total_charge)
  FROM rated_sms s JOIN account a ON a.account_id = s.account_id
 WHERE s.current
 GROUP BY 1, 2, 5, 6, 7, 8, 9;
