-- The phone directory of an account: users, numbers, billing accounts, calling plans.
-- Call records are enriched from it (calling_party_name, cost_center, employee_id, department, billing_number).
CREATE TABLE calling_plan (
    account_id        uuid    NOT NULL REFERENCES account (account_id),
    plan_id           uuid    NOT NULL,
    name              text    NOT NULL,
    scope             text    NOT NULL CHECK (scope IN ('per_user', 'pooled')),
    included_minutes  integer CHECK (included_minutes >= 0),          -- NULL: unlimited
    call_types        text[]  NOT NULL,
    regions           text[]  NOT NULL DEFAULT '{}',                  -- empty: every country
    PRIMARY KEY (account_id, plan_id),
    UNIQUE (account_id, name)
);

CREATE TABLE billing_account (
    account_id          uuid NOT NULL REFERENCES account (account_id),
    billing_account_id  text NOT NULL,
    name                text NOT NULL,
    PRIMARY KEY (account_id, billing_account_id)
);

CREATE TABLE phone_user (
    account_id          uuid        NOT NULL REFERENCES account (account_id),
    user_id             uuid        NOT NULL,
    email               text        NOT NULL,
    name                text        NOT NULL,
    extension_number    text,
    employee_id         text        NOT NULL DEFAULT '',
    department          text        NOT NULL DEFAULT '',
    cost_center         text        NOT NULL DEFAULT '',
    calling_plan        text,                                        -- a calling_plan name of the account
    billing_account_id  text,
    updated_at          timestamptz NOT NULL,
    PRIMARY KEY (account_id, user_id)
);
CREATE UNIQUE INDEX phone_user_email_uq ON phone_user (account_id, lower(email));
CREATE UNIQUE INDEX phone_user_extension_uq ON phone_user (account_id, extension_number) WHERE extension_number IS NOT NULL;

CREATE TABLE phone_number (
    account_id          uuid NOT NULL REFERENCES account (account_id),
    number              text NOT NULL,                               -- E.164 with '+'
    user_id             uuid,
    billing_account_id  text,
    PRIMARY KEY (account_id, number)
);
-- A number belongs to one account at a time.
CREATE UNIQUE INDEX phone_number_uq ON phone_number (number);
