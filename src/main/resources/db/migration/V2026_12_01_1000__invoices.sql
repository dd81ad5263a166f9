-- Invoices and their ledger (issue 12, life cycle): Draft -> Posted -> Paid, or Draft/Posted -> Void.
--
-- Periods and item dates are INCLUSIVE days of the account's time zone (period_end is the last day of the
-- period, as Zoom's invoice items show start_date/end_date). Amounts are stored rounded to the currency's minor
-- unit (invoice lines: Money.roundedToMinorUnit(), half-up); total = subtotal + tax = the sum of the rounded lines.
-- invoice_id is 32 lowercase hex characters (the shape of Zoom's, Zuora-style, invoice ids).
-- issuer_account_id is the account that issues and numbers the invoice: the master for a master-paid sub
-- account, else the account itself. number stays NULL while Draft and is assigned once, at posting, from the
-- issuer's gapless counter (invoice_number); a voided posted invoice keeps its number.
CREATE TABLE invoice (
    account_id         uuid         NOT NULL REFERENCES account (account_id),
    invoice_id         text         NOT NULL CHECK (invoice_id ~ '^[0-9a-f]{32}$'),
    issuer_account_id  uuid         NOT NULL REFERENCES account (account_id),
    number             text,
    period_start       date         NOT NULL,
    period_end         date         NOT NULL,                 -- inclusive: the period's last day
    time_zone          text         NOT NULL,
    currency           char(3)      NOT NULL,
    status             text         NOT NULL CHECK (status IN ('Draft', 'Posted', 'Paid', 'Void')),
    subtotal           numeric      NOT NULL,
    tax                numeric      NOT NULL,
    total              numeric      NOT NULL,
    paid               numeric      NOT NULL DEFAULT 0 CHECK (paid >= 0),
    invoice_date       date,                                  -- the account's day of posting
    due_date           date,
    posted_at          timestamptz,
    voided_at          timestamptz,
    void_reason        text,
    created_at         timestamptz  NOT NULL,
    PRIMARY KEY (account_id, invoice_id),
    CHECK (period_end >= period_start),
    CHECK (total = subtotal + tax),
    CHECK (status <> 'Draft' OR (number IS NULL AND posted_at IS NULL AND paid = 0)),
    CHECK (status NOT IN ('Posted', 'Paid') OR (number IS NOT NULL AND posted_at IS NOT NULL
                                                  AND invoice_date IS NOT NULL AND due_date IS NOT NULL)),
    CHECK (status <> 'Paid' OR paid = total),
    CHECK (status <> 'Void' OR (void_reason IS NOT NULL AND voided_at IS NOT NULL))
);
-- one invoice per account and period; also the index of the listing (newest period first)
CREATE UNIQUE INDEX invoice_account_period_idx ON invoice (account_id, period_start);
-- a number is used once per issuer
CREATE UNIQUE INDEX invoice_issuer_number_idx ON invoice (issuer_account_id, number) WHERE number IS NOT NULL;

CREATE TABLE invoice_item (
    account_id       uuid     NOT NULL,
    invoice_id       text     NOT NULL,
    line_no          integer  NOT NULL CHECK (line_no >= 1),
    kind             text     NOT NULL CHECK (kind IN ('plan', 'usage', 'tax', 'adjustment', 'credit')),
    description      text     NOT NULL,
    quantity         numeric  NOT NULL,
    unit_price       numeric,
    amount           numeric  NOT NULL,                       -- rounded to the currency's minor unit
    start_date       date     NOT NULL,                       -- inclusive
    end_date         date     NOT NULL,                       -- inclusive
    charge_type      text     NOT NULL DEFAULT '',            -- 'Billed on master' for a master-paid sub, else ''
    corrects_period  date,                                    -- an adjustment's corrected period (its first day)
    PRIMARY KEY (account_id, invoice_id, line_no),
    FOREIGN KEY (account_id, invoice_id) REFERENCES invoice (account_id, invoice_id),
    CHECK (end_date >= start_date)
);

CREATE TABLE invoice_payment (
    account_id   uuid         NOT NULL,
    invoice_id   text         NOT NULL,
    payment_no   integer      NOT NULL CHECK (payment_no >= 1),
    amount       numeric      NOT NULL CHECK (amount > 0),
    paid_on      date         NOT NULL,
    reference    text         NOT NULL DEFAULT '',
    recorded_at  timestamptz  NOT NULL,
    PRIMARY KEY (account_id, invoice_id, payment_no),
    FOREIGN KEY (account_id, invoice_id) REFERENCES invoice (account_id, invoice_id)
);

-- Every step of an invoice's life: created (from_status NULL), posted, each payment, voided (detail = the reason).
CREATE TABLE invoice_audit (
    account_id   uuid         NOT NULL,
    invoice_id   text         NOT NULL,
    audit_no     integer      NOT NULL CHECK (audit_no >= 1),
    at           timestamptz  NOT NULL,
    actor        text         NOT NULL,
    action       text         NOT NULL CHECK (action IN ('draft', 'post', 'pay', 'void')),
    from_status  text,
    to_status    text         NOT NULL,
    detail       text         NOT NULL DEFAULT '',
    PRIMARY KEY (account_id, invoice_id, audit_no),
    FOREIGN KEY (account_id, invoice_id) REFERENCES invoice (account_id, invoice_id)
);

-- The next invoice number of each issuer. Posting takes a number with one upsert that row-locks the issuer's
-- counter until the posting transaction ends: a rolled-back post gives its number back, concurrent posts (also
-- from several server processes) wait for each other, so numbers are 1, 2, 3, ... without gaps or repeats.
CREATE TABLE invoice_number (
    issuer_account_id  uuid    PRIMARY KEY REFERENCES account (account_id),
    next_number        bigint  NOT NULL CHECK (next_number >= 1)
);

-- A posted, paid or void invoice's amounts, period, number and dates never change, a void one not at all;
-- only a Draft may be deleted.
CREATE FUNCTION invoice_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'Draft' THEN
            RAISE EXCEPTION 'invoice % is %: it is never deleted', OLD.invoice_id, OLD.status;
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.status = 'Void' THEN
        RAISE EXCEPTION 'invoice % is Void: it never changes', OLD.invoice_id;
    END IF;
    IF OLD.status <> 'Draft' AND (NEW.account_id, NEW.invoice_id, NEW.issuer_account_id, NEW.number, NEW.period_start,
            NEW.period_end, NEW.time_zone, NEW.currency, NEW.subtotal, NEW.tax, NEW.total, NEW.invoice_date,
            NEW.due_date, NEW.posted_at, NEW.created_at)
        IS DISTINCT FROM (OLD.account_id, OLD.invoice_id, OLD.issuer_account_id, OLD.number, OLD.period_start,
            OLD.period_end, OLD.time_zone, OLD.currency, OLD.subtotal, OLD.tax, OLD.total, OLD.invoice_date,
            OLD.due_date, OLD.posted_at, OLD.created_at) THEN
        RAISE EXCEPTION 'invoice % is %: its amounts, period, number and dates never change', OLD.invoice_id, OLD.status;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER invoice_frozen BEFORE UPDATE OR DELETE ON invoice FOR EACH ROW EXECUTE FUNCTION invoice_frozen();

-- Items are written with their Draft and never change once it is posted (or voided).
CREATE FUNCTION invoice_item_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    row_account  uuid;
    row_invoice  text;
    row_status   text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        row_account := NEW.account_id;
        row_invoice := NEW.invoice_id;
    ELSE
        row_account := OLD.account_id;
        row_invoice := OLD.invoice_id;
    END IF;
    SELECT i.status INTO row_status FROM invoice i WHERE i.account_id = row_account AND i.invoice_id = row_invoice;
    IF row_status IS DISTINCT FROM 'Draft' THEN
        RAISE EXCEPTION 'invoice % is %: its items never change', row_invoice, row_status;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER invoice_item_frozen BEFORE INSERT OR UPDATE OR DELETE ON invoice_item
    FOR EACH ROW EXECUTE FUNCTION invoice_item_frozen();

-- Payments and the audit are a ledger: appended, never rewritten.
CREATE FUNCTION invoice_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%: rows are appended, never changed or deleted', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER invoice_payment_append_only BEFORE UPDATE OR DELETE ON invoice_payment
    FOR EACH ROW EXECUTE FUNCTION invoice_ledger_append_only();
CREATE TRIGGER invoice_audit_append_only BEFORE UPDATE OR DELETE ON invoice_audit
    FOR EACH ROW EXECUTE FUNCTION invoice_ledger_append_only();
