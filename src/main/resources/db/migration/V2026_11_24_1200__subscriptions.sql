-- Plans held by accounts: one row per plan line (base plan, each add-on), whatever its group; Zoom's
-- plan objects are assembled from these rows. Cancelling keeps the row (status cancelled at the end of
-- the paid period); every change is recorded in plan_audit.
CREATE TABLE subscription (
    subscription_id         uuid         PRIMARY KEY,
    account_id              uuid         NOT NULL REFERENCES account (account_id),
    plan_group              text         NOT NULL,          -- plan_base, plan_webinar, plan_phone.plan_calling, ...
    plan_type               text         NOT NULL,
    hosts                   integer      NOT NULL CHECK (hosts >= 0),
    billing_cycle           text         NOT NULL CHECK (billing_cycle IN ('Monthly', 'Quarterly', 'Annual', 'Two years', 'Three years')),
    status                  text         NOT NULL CHECK (status IN ('active', 'cancelled', 'expired')),
    service_effective_date  date         NOT NULL,
    paid_period_start_date  date         NOT NULL,
    contract_term           integer,
    purchase_order_number   text,
    deal_registration_id    text,
    auto_renew              boolean      NOT NULL DEFAULT true,
    cancel_at               date,                            -- set when cancelled: the end of the paid period
    cancel_reason           integer,
    created_at              timestamptz  NOT NULL,
    updated_at              timestamptz  NOT NULL
);
CREATE INDEX subscription_account_idx ON subscription (account_id, plan_group);
-- at most one live line per account and type
CREATE UNIQUE INDEX subscription_live_type_idx ON subscription (account_id, plan_type) WHERE status = 'active';

CREATE TABLE plan_audit (
    audit_id      bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    uuid         NOT NULL,
    actor         text         NOT NULL,                    -- the API client (or CLI) that made the change
    at            timestamptz  NOT NULL,
    action        text         NOT NULL,
    before        jsonb,
    after         jsonb
);
CREATE INDEX plan_audit_account_idx ON plan_audit (account_id, at);
