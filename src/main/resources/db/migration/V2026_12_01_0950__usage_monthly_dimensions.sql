-- Invoices show usage by destination country (calls) and by direction and message type (messages), with
-- segments as a quantity, so the monthly totals keep those dimensions. A rated call keeps the country it
-- was priced by, so that re-rating takes the old rating out of the same monthly total.
--
-- The monthly totals are cut in the account's zone when a record is rated (Rollups.month), so a month of a
-- +05:30 or +05:45 account, or a DST month of 743/745 hours, is exact without reading the hourly edges.
-- Totals rolled up before this migration keep '' (unknown) in the new dimensions and 0 segments; the calls
-- rated before it have a NULL destination_country, which tells re-rating to take them out of those totals.
ALTER TABLE rated_call ADD COLUMN destination_country text;

ALTER TABLE usage_monthly
    ADD COLUMN destination_country text   NOT NULL DEFAULT '',
    ADD COLUMN direction           text   NOT NULL DEFAULT '',
    ADD COLUMN message_type        text   NOT NULL DEFAULT '',
    ADD COLUMN segments            bigint NOT NULL DEFAULT 0;

ALTER TABLE usage_monthly DROP CONSTRAINT usage_monthly_pkey;
ALTER TABLE usage_monthly ADD PRIMARY KEY (account_id, month, kind, call_type, destination_country, direction,
                                           message_type, billing_account_id, cost_center, department, currency, charged);
