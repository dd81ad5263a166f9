-- Daily totals in the account's calendar (the day a record falls on in the account's zone when it is rated), which the
-- native usage summary (GET /api/v1/accounts/{id}/usage/summary) adds up for any period of days, never reading the
-- records. Two tables, because their product would have about a row per user, country and call type a day:
--   usage_days        by kind, usage type (a call's call type, a message's type: SMS or MMS) and destination country
--                     (summaries in total, by day, by call type, by country);
--   usage_party_days  by kind, user, cost center, department and billing account (summaries by those).
-- Kept like the other rollups: added to in the transaction of each ingest batch, re-rating takes the old rating out.
CREATE TABLE usage_days (
    account_id           uuid           NOT NULL,
    day                  date           NOT NULL,
    kind                 text           NOT NULL CHECK (kind IN ('call', 'sms')),
    usage_type           text           NOT NULL,
    destination_country  text           NOT NULL,
    currency             char(3)        NOT NULL,
    records              bigint         NOT NULL,
    billed_seconds       bigint         NOT NULL,
    segments             bigint         NOT NULL,
    total_charge         numeric(24,10) NOT NULL,
    PRIMARY KEY (account_id, day, kind, usage_type, destination_country, currency)
) WITH (fillfactor = 70);

CREATE TABLE usage_party_days (
    account_id          uuid           NOT NULL,
    day                 date           NOT NULL,
    kind                text           NOT NULL CHECK (kind IN ('call', 'sms')),
    user_id             text           NOT NULL,             -- the directory user the record was attributed to, '' none
    cost_center         text           NOT NULL,
    department          text           NOT NULL,
    billing_account_id  text           NOT NULL,
    currency            char(3)        NOT NULL,
    records             bigint         NOT NULL,
    billed_seconds      bigint         NOT NULL,
    segments            bigint         NOT NULL,
    total_charge        numeric(24,10) NOT NULL,
    PRIMARY KEY (account_id, day, kind, user_id, cost_center, department, billing_account_id, currency)
) WITH (fillfactor = 70);

-- A rated record keeps the user it was attributed to, so that re-rating takes the old rating out of that user's row.
-- Records rated before this migration have NULL here and are counted below under '' (no user), as re-rating does.
ALTER TABLE rated_call ADD COLUMN user_id uuid;
ALTER TABLE rated_sms ADD COLUMN user_id uuid;

-- Backfill from the current ratings (one scan of the rated tables per rollup, once). The day is the account's; the
-- user is '' for every record here (user_id was added just above), the statement is written for any.
INSERT INTO usage_days (account_id, day, kind, usage_type, destination_country, currency, records, billed_seconds,
                        segments, total_charge)
SELECT c.account_id, (c.end_time AT TIME ZONE a.time_zone)::date, 'call', c.call_type,
       coalesce(c.destination_country, ''), c.currency, count(*),
       coalesce(sum(CAST(c.explanation ->> 'billed_seconds' AS bigint)), 0), 0, sum(c.total_charge)
  FROM rated_call c JOIN account a ON a.account_id = c.account_id
 WHERE c.current
 GROUP BY 1, 2, 4, 5, 6
UNION ALL
SELECT s.account_id, (s.sent_time AT TIME ZONE a.time_zone)::date, 'sms', s.message_type,
       coalesce(nullif(s.explanation ->> 'destination_country', 'ZZ'), ''), s.currency, count(*), 0, sum(s.segments),
       sum(s.total_charge)
  FROM rated_sms s JOIN account a ON a.account_id = s.account_id
 WHERE s.current
 GROUP BY 1, 2, 4, 5, 6;

INSERT INTO usage_party_days (account_id, day, kind, user_id, cost_center, department, billing_account_id, currency,
                              records, billed_seconds, segments, total_charge)
SELECT c.account_id, (c.end_time AT TIME ZONE a.time_zone)::date, 'call', coalesce(CAST(c.user_id AS text), ''),
       c.cost_center, c.department,
       c.billing_account_id, c.currency, count(*),
       coalesce(sum(CAST(c.explanation ->> 'billed_seconds' AS bigint)), 0), 0, sum(c.total_charge)
  FROM rated_call c JOIN account a ON a.account_id = c.account_id
 WHERE c.current
 GROUP BY 1, 2, 4, 5, 6, 7, 8
UNION ALL
SELECT s.account_id, (s.sent_time AT TIME ZONE a.time_zone)::date, 'sms', coalesce(CAST(s.user_id AS text), ''),
       s.cost_center, s.department, '',
       s.currency, count(*), 0, sum(s.segments), sum(s.total_charge)
  FROM rated_sms s JOIN account a ON a.account_id = s.account_id
 WHERE s.current
 GROUP BY 1, 2, 4, 5, 6, 8;
