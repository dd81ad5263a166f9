-- Versioned rate decks (DESIGN.md §3 Rating). A deck belongs to a master (or any account); each
-- import is a new version; rated records name the deck, version and row they were priced with.
CREATE TABLE rate_deck (
    account_id       uuid        NOT NULL REFERENCES account (account_id),
    deck_id          uuid        NOT NULL,
    name             text        NOT NULL,
    currency         char(3)     NOT NULL,
    precision        integer     NOT NULL DEFAULT 4 CHECK (precision BETWEEN 0 AND 8),
    current_version  integer     NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (account_id, deck_id),
    UNIQUE (account_id, name)
);
CREATE UNIQUE INDEX rate_deck_id_uq ON rate_deck (deck_id);

CREATE TABLE rate_deck_version (
    account_id   uuid        NOT NULL,
    deck_id      uuid        NOT NULL,
    version      integer     NOT NULL CHECK (version >= 1),
    rate_count   integer     NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (account_id, deck_id, version),
    FOREIGN KEY (account_id, deck_id) REFERENCES rate_deck (account_id, deck_id)
);

CREATE TABLE rate (
    account_id         uuid          NOT NULL,
    deck_id            uuid          NOT NULL,
    version            integer       NOT NULL,
    row_no             integer       NOT NULL,
    prefix             text          NOT NULL CHECK (prefix ~ '^[0-9]{1,15}$'),
    destination        text          NOT NULL,
    call_type          text          NOT NULL CHECK (call_type IN ('voip', 'local', 'tollfree', 'international', 'callCenter')),
    rate_per_min       numeric(18,8) NOT NULL CHECK (rate_per_min >= 0),
    per_call_fee       numeric(18,8) NOT NULL CHECK (per_call_fee >= 0),
    first_increment_s  integer       NOT NULL CHECK (first_increment_s BETWEEN 1 AND 3600),
    next_increment_s   integer       NOT NULL CHECK (next_increment_s BETWEEN 1 AND 3600),
    free_seconds       integer       NOT NULL CHECK (free_seconds >= 0),
    charge_mode        text          NOT NULL CHECK (charge_mode IN ('per_min', 'per_call', 'per_call_per_min',
                                         'per_min_after_t_duration', 'per_call_per_min_after_t_duration')),
    currency           char(3)       NOT NULL,
    effective_from     date          NOT NULL,
    effective_to       date,
    PRIMARY KEY (account_id, deck_id, version, row_no),
    FOREIGN KEY (account_id, deck_id, version) REFERENCES rate_deck_version (account_id, deck_id, version)
);

CREATE TABLE sms_rate (
    account_id        uuid          NOT NULL,
    deck_id           uuid          NOT NULL,
    version           integer       NOT NULL,
    country           text          NOT NULL,                  -- ISO 3166-1 alpha-2, or '*' for any other
    message_type      text          NOT NULL CHECK (message_type IN ('SMS', 'MMS')),
    direction         text          NOT NULL CHECK (direction IN ('outbound', 'inbound')),
    rate_per_segment  numeric(18,8) NOT NULL CHECK (rate_per_segment >= 0),
    currency          char(3)       NOT NULL,
    PRIMARY KEY (account_id, deck_id, version, country, message_type, direction),
    FOREIGN KEY (account_id, deck_id, version) REFERENCES rate_deck_version (account_id, deck_id, version)
);

-- Which deck prices an account's usage: a sub account's own row, else its master's row (the default).
CREATE TABLE account_rate_deck (
    account_id   uuid        PRIMARY KEY REFERENCES account (account_id),
    deck_id      uuid        NOT NULL REFERENCES rate_deck (deck_id),
    assigned_at  timestamptz NOT NULL
);
