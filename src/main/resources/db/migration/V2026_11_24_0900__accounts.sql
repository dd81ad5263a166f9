-- Master and sub accounts (DESIGN.md §3 Accounts). Ids are UUIDs; the wire shows them as 22-char base64url.
CREATE SEQUENCE account_number_seq START WITH 10010370001;

CREATE TABLE account (
    account_id           uuid        PRIMARY KEY,
    master_account_id    uuid        REFERENCES account (account_id),
    kind                 text        NOT NULL CHECK (kind IN ('master', 'sub')),
    account_number       bigint      NOT NULL UNIQUE DEFAULT nextval('account_number_seq'),
    account_name         text        NOT NULL,
    account_type         text        NOT NULL,
    owner_id             uuid        NOT NULL,
    owner_email          text        NOT NULL,
    owner_first_name     text        NOT NULL,
    owner_last_name      text        NOT NULL,
    pay_mode             text        NOT NULL DEFAULT 'master' CHECK (pay_mode IN ('master', 'sub')),
    billing_auto_renew   boolean     NOT NULL DEFAULT false,
    -- the connector-sharing flags and lists of the Zoom options object, kept as the client sent them
    connector_options    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    seats                integer     NOT NULL DEFAULT 0 CHECK (seats >= 0),
    time_zone            text        NOT NULL DEFAULT 'UTC',
    country              char(2)     NOT NULL DEFAULT 'US',
    currency             char(3)     NOT NULL DEFAULT 'USD',
    created_at           timestamptz NOT NULL,
    disassociated_at     timestamptz,
    -- a sub account points at its master until it is disassociated (Zoom DELETE /accounts/{id})
    CHECK ((kind = 'master' AND master_account_id IS NULL AND disassociated_at IS NULL)
        OR (kind = 'sub' AND (master_account_id IS NOT NULL) = (disassociated_at IS NULL)))
);

-- An owner e-mail identifies one account across the whole installation (Zoom: 409 / 1005).
CREATE UNIQUE INDEX account_owner_email_uq ON account (lower(owner_email));
CREATE INDEX account_master_idx ON account (master_account_id, account_number) WHERE master_account_id IS NOT NULL;

-- The billing contact of an account (Zoom GET/PATCH /accounts/{id}/billing).
CREATE TABLE billing_contact (
    account_id      uuid        PRIMARY KEY REFERENCES account (account_id),
    first_name      text        NOT NULL,
    last_name       text        NOT NULL,
    email           text        NOT NULL,
    phone_number    text        NOT NULL DEFAULT '',
    address         text        NOT NULL DEFAULT '',
    apt             text        NOT NULL DEFAULT '',
    city            text        NOT NULL DEFAULT '',
    state           text        NOT NULL DEFAULT '',
    zip             text        NOT NULL DEFAULT '',
    country         text        NOT NULL DEFAULT '',
    employee_count  text        NOT NULL DEFAULT 'Just Me' CHECK (employee_count IN
                    ('Just Me', '2-10', '11-50', '51-250', '251-500', '501-1000', '1001-5000', '5001-10000', '10000+')),
    updated_at      timestamptz NOT NULL
);
