-- Signed-in dashboard sessions (accounts.DashboardSessions): an API client signed in with its id and secret. The
-- session id is 256 random bits kept only in the browser's cookie; the table holds its SHA-256, so a copy of the
-- table signs nobody in. A session ends when idle past its idle limit, at its absolute expiry, when signed out, or
-- (checked on every request) when its client is revoked. csrf_token is sent back with every form and htmx request.
CREATE TABLE dashboard_session (
    session_hash  bytea       PRIMARY KEY CHECK (octet_length(session_hash) = 32),
    account_id    uuid        NOT NULL,
    client_id     text        NOT NULL,
    csrf_token    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    FOREIGN KEY (account_id, client_id) REFERENCES api_client (account_id, client_id)
);
CREATE INDEX dashboard_session_expiry_idx ON dashboard_session (expires_at);
