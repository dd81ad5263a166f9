-- Sub accounts' invoice reports of a master (Zoom Billing B15-B18, issue 12 point 5).
--
-- POST /v2/accounts/billing/invoice_reports stores a request here (status Processing) in the transaction that
-- validates it; the report worker of every server process claims a Processing row with SELECT ... FOR UPDATE
-- SKIP LOCKED, writes its CSV and sets Completed in that same transaction. The claim is the row lock: a process
-- that dies mid-generation rolls back and leaves the row Processing and unclaimed, so the next worker finishes it;
-- two processes never generate the same report. Failed: generation threw (a broken stored row), recorded apart.
--
-- report_no is the report's id on the wire (a 13-digit number, like Zoom's "1648670915000"). It comes from an
-- identity sequence starting at 1764547200000 (the epoch milliseconds of 2025-12-01T00:00:00Z, so ids look like
-- Zoom's), unique across masters and server processes; it is not a time. Dates are inclusive days.
-- account_ids are the sub accounts asked for (distinct, each a sub account of the master when asked).
-- A report is kept 30 days from created_at (expires_at); expired rows are not shown and are purged by the worker.
CREATE TABLE invoice_report (
    master_account_id  uuid         NOT NULL REFERENCES account (account_id),
    report_no          bigint       NOT NULL GENERATED ALWAYS AS IDENTITY (START WITH 1764547200000),
    start_date         date         NOT NULL,
    end_date           date         NOT NULL,                 -- inclusive
    account_ids        uuid[]       NOT NULL CHECK (cardinality(account_ids) >= 1),
    status             text         NOT NULL CHECK (status IN ('Processing', 'Completed', 'Failed')),
    created_at         timestamptz  NOT NULL,
    expires_at         timestamptz  NOT NULL,
    finished_at        timestamptz,
    csv                text,
    failure            text,
    PRIMARY KEY (master_account_id, report_no),
    UNIQUE (report_no),
    CHECK (end_date >= start_date),
    CHECK (expires_at > created_at),
    CHECK ((status = 'Completed') = (csv IS NOT NULL)),
    CHECK ((status = 'Failed') = (failure IS NOT NULL)),
    CHECK ((status = 'Processing') = (finished_at IS NULL))
);
-- the workers' queue: pending reports, oldest first
CREATE INDEX invoice_report_pending_idx ON invoice_report (created_at, report_no) WHERE status = 'Processing';
-- the purge of expired reports
CREATE INDEX invoice_report_expiry_idx ON invoice_report (expires_at);
