-- Rated usage, partitioned by month of the event (created on demand), with one key row per
-- record so that ingestion is idempotent on (account_id, call_log_id) / (account_id, message_id).
CREATE TABLE call_key (
    account_id   uuid        NOT NULL,
    call_log_id  text        NOT NULL,
    end_time     timestamptz NOT NULL,
    PRIMARY KEY (account_id, call_log_id)
);

CREATE TABLE sms_key (
    account_id  uuid        NOT NULL,
    message_id  text        NOT NULL,
    sent_time   timestamptz NOT NULL,
    PRIMARY KEY (account_id, message_id)
);

CREATE TABLE rated_call (
    account_id              uuid          NOT NULL,
    end_time                timestamptz   NOT NULL,
    call_log_id             text          NOT NULL,
    rating_no               integer       NOT NULL,          -- 1, then 2, 3 ... for each re-rating
    current                 boolean       NOT NULL,          -- false once a later rating replaces it
    direction               text          NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    caller_number           text          NOT NULL,
    caller_billing_number   text          NOT NULL,
    callee_number           text          NOT NULL,
    callee_billing_number   text          NOT NULL,
    call_type               text          NOT NULL,
    service_type            text          NOT NULL CHECK (service_type IN ('call', 'meeting')),
    calling_party_name      text          NOT NULL,
    cost_center             text          NOT NULL,
    employee_id             text          NOT NULL,
    department              text          NOT NULL,
    billing_account_id      text          NOT NULL,
    start_time              timestamptz,
    answer_time             timestamptz,
    duration_seconds        integer       NOT NULL CHECK (duration_seconds >= 0),
    result                  text          NOT NULL CHECK (result IN ('answered', 'missed', 'voicemail', 'abandoned')),
    charge_mode             text          NOT NULL,
    rate                    numeric(18,8) NOT NULL,
    currency                char(3)       NOT NULL,
    total_charge            numeric(24,10) NOT NULL,
    charge_scale            smallint      NOT NULL,
    billing_number          text          NOT NULL,
    forward_number_billing  text          NOT NULL,
    status                  text          NOT NULL CHECK (status IN ('rated', 'not_charged', 'error')),
    rating_error            text          NOT NULL,
    explanation             jsonb         NOT NULL,
    rated_at                timestamptz   NOT NULL
) PARTITION BY RANGE (end_time);
CREATE INDEX rated_call_page_idx ON rated_call (account_id, end_time, call_log_id) WHERE current;
CREATE INDEX rated_call_id_idx ON rated_call (account_id, call_log_id);

CREATE TABLE rated_sms (
    account_id             uuid           NOT NULL,
    sent_time              timestamptz    NOT NULL,
    message_id             text           NOT NULL,
    rating_no              integer        NOT NULL,
    current                boolean        NOT NULL,
    session_id             text           NOT NULL,
    message_type           text           NOT NULL CHECK (message_type IN ('SMS', 'MMS')),
    direction              text           NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    from_number            text           NOT NULL,
    from_extension_number  text           NOT NULL,
    from_display_name      text           NOT NULL,
    to_number              text           NOT NULL,
    to_extension_number    text           NOT NULL,
    to_display_name        text           NOT NULL,
    billing_number         text           NOT NULL,
    cost_center            text           NOT NULL,
    department             text           NOT NULL,
    segments               integer        NOT NULL CHECK (segments >= 1),
    rate                   numeric(18,8)  NOT NULL,
    currency               char(3)        NOT NULL,
    total_charge           numeric(24,10) NOT NULL,
    charge_scale           smallint       NOT NULL,
    status                 text           NOT NULL CHECK (status IN ('rated', 'not_charged', 'error')),
    rating_error           text           NOT NULL,
    explanation            jsonb          NOT NULL,
    rated_at               timestamptz    NOT NULL
) PARTITION BY RANGE (sent_time);
CREATE INDEX rated_sms_page_idx ON rated_sms (account_id, sent_time, message_id) WHERE current;
CREATE INDEX rated_sms_id_idx ON rated_sms (account_id, message_id);

-- Daily (UTC day) and monthly (account's zone) totals of current rated records, kept in the
-- same transaction as the records. Reports count from them; invoices bill from the monthly ones.
CREATE TABLE usage_daily (
    account_id          uuid           NOT NULL,
    day                 date           NOT NULL,
    kind                text           NOT NULL CHECK (kind IN ('call', 'sms')),
    call_type           text           NOT NULL,
    billing_account_id  text           NOT NULL,
    cost_center         text           NOT NULL,
    department          text           NOT NULL,
    currency            char(3)        NOT NULL,
    charged             boolean        NOT NULL,
    records             bigint         NOT NULL,
    billed_seconds      bigint         NOT NULL,
    total_charge        numeric(24,10) NOT NULL,
    PRIMARY KEY (account_id, day, kind, call_type, billing_account_id, cost_center, department, currency, charged)
);

CREATE TABLE usage_monthly (
    account_id          uuid           NOT NULL,
    month               date           NOT NULL,             -- first day of the month in the account's zone
    kind                text           NOT NULL CHECK (kind IN ('call', 'sms')),
    call_type           text           NOT NULL,
    billing_account_id  text           NOT NULL,
    cost_center         text           NOT NULL,
    department          text           NOT NULL,
    currency            char(3)        NOT NULL,
    charged             boolean        NOT NULL,
    records             bigint         NOT NULL,
    billed_seconds      bigint         NOT NULL,
    total_charge        numeric(24,10) NOT NULL,
    PRIMARY KEY (account_id, month, kind, call_type, billing_account_id, cost_center, department, currency, charged)
);

-- Included minutes used per calling-plan holder per month (account's zone).
CREATE TABLE allowance_usage (
    account_id    uuid    NOT NULL,
    plan_id       uuid    NOT NULL,
    holder        text    NOT NULL,
    month         date    NOT NULL,
    used_seconds  bigint  NOT NULL CHECK (used_seconds >= 0),
    PRIMARY KEY (account_id, plan_id, holder, month)
);
