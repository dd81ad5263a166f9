-- What an invoice line is made of, for the PDF's usage summary, Zoom's invoice items and the invoice reports:
-- a usage (or usage adjustment) line keeps what it counts (calls by direction, call type and destination country,
-- messages by direction and type; the number of records, billed seconds, segments), a plan or credit line the
-- subscription it charges and its plan type (the invoice run compares what was charged for a subscription with
-- what its history says it owes). All NULL on other lines, and on lines written before this migration.
ALTER TABLE invoice_item
    ADD COLUMN usage_kind      text CHECK (usage_kind IN ('calls', 'messages')),
    ADD COLUMN direction       text,
    ADD COLUMN usage_type      text,          -- call type (local, international, ...) or message type (sms, mms)
    ADD COLUMN country         text,          -- destination country of calls ('' when none); '' for messages
    ADD COLUMN records         bigint,
    ADD COLUMN billed_seconds  bigint,
    ADD COLUMN segments        bigint,
    ADD COLUMN subscription_id uuid,
    ADD COLUMN plan_type       text,
    ADD CHECK ((usage_kind IS NULL) = (records IS NULL)
               AND (usage_kind IS NULL OR (direction IS NOT NULL AND usage_type IS NOT NULL AND country IS NOT NULL
                                           AND billed_seconds IS NOT NULL AND segments IS NOT NULL))),
    ADD CHECK ((subscription_id IS NULL) = (plan_type IS NULL));
CREATE INDEX invoice_item_subscription_idx ON invoice_item (account_id, subscription_id, start_date)
    WHERE subscription_id IS NOT NULL;
