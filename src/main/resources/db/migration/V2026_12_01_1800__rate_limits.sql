-- Rate-limit buckets (Bucket4j's PostgreSQL backend, select-for-update): one row per account and limit, its state
-- serialized by Bucket4j. Every serve node on the database consumes from the same rows, so a limit holds across nodes.
CREATE TABLE rate_limit_bucket (
    id     text  PRIMARY KEY,
    state  bytea
);

-- A client can be exempted from the rate limits (chargeline client rate-limits --client ... off).
ALTER TABLE api_client ADD COLUMN rate_limited boolean NOT NULL DEFAULT true;
