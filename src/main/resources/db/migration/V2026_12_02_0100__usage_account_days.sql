-- Daily totals per account, kind and currency in the account's calendar: the dashboard's sparklines and daily tables
-- (50 sub accounts' month is 50 x 31 x 2 rows here, where usage_days has a row per usage type and country a day, 140 000
-- for 10 M calls, and usage_hourly one per hour and call type). Kept like the other rollups: added to in the
-- transaction of each ingest batch, re-rating takes the old rating out.
CREATE TABLE usage_account_days (
    account_id      uuid           NOT NULL,
    day             date           NOT NULL,
    kind            text           NOT NULL CHECK (kind IN ('call', 'sms')),
    currency        char(3)        NOT NULL,
    records         bigint         NOT NULL,
    billed_seconds  bigint         NOT NULL,
    segments        bigint         NOT NULL,
    total_charge    numeric(24,10) NOT NULL,
    PRIMARY KEY (account_id, day, kind, currency)
) WITH (fillfactor = 70);

-- From the finer daily totals (the same records, already in the account's days), once.
INSERT INTO usage_account_days (account_id, day, kind, currency, records, billed_seconds, segments, total_charge)
SELECT account_id, day, kind, currency, sum(records), sum(billed_seconds), sum(segments), sum(total_charge)
  FROM usage_days
 GROUP BY account_id, day, kind, currency;
