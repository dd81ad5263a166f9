-- Server-to-Server OAuth clients. The secret is never stored: only its salted SHA-256.
CREATE TABLE api_client (
    account_id     uuid        NOT NULL REFERENCES account (account_id),
    client_id      text        NOT NULL UNIQUE,
    secret_salt    bytea       NOT NULL,
    secret_hash    bytea       NOT NULL,
    scopes         text[]      NOT NULL,
    name           text        NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    PRIMARY KEY (account_id, client_id)
);

-- Keys that sign access tokens and page tokens. Kept in the database so that they survive a
-- restart and are shared by every serve node on the same database.
CREATE TABLE signing_key (
    key_id      text        PRIMARY KEY,
    purpose     text        NOT NULL CHECK (purpose IN ('access_token', 'page_token')),
    secret      bytea       NOT NULL CHECK (octet_length(secret) >= 32),
    created_at  timestamptz NOT NULL
);
