-- The hosts of each subscription over time, for the invoice run's day-by-day proration of host changes. The
-- subscription row keeps only its current hosts; this history is written by a trigger so that every writer of
-- subscriptions (API, CLI, demo, bench seed) keeps it: a new line starts with its hosts on its service effective
-- date, and a change of hosts takes effect on the account's day of the change (the row's updated_at, which the use
-- cases set from their clock, in the account's time zone). Two changes on one day: the last one holds for the day.
CREATE TABLE subscription_hosts (
    account_id       uuid     NOT NULL,
    subscription_id  uuid     NOT NULL REFERENCES subscription (subscription_id),
    effective_on     date     NOT NULL,
    hosts            integer  NOT NULL CHECK (hosts >= 0),
    PRIMARY KEY (account_id, subscription_id, effective_on)
);

CREATE FUNCTION subscription_hosts_history() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    day date;
BEGIN
    IF TG_OP = 'INSERT' THEN
        day := NEW.service_effective_date;
    ELSIF NEW.hosts IS DISTINCT FROM OLD.hosts THEN
        SELECT (NEW.updated_at AT TIME ZONE a.time_zone)::date INTO day FROM account a WHERE a.account_id = NEW.account_id;
        -- a change before the line's service starts is its starting hosts
        day := greatest(day, NEW.service_effective_date);
    ELSE
        RETURN NEW;
    END IF;
    INSERT INTO subscription_hosts (account_id, subscription_id, effective_on, hosts)
    VALUES (NEW.account_id, NEW.subscription_id, day, NEW.hosts)
    ON CONFLICT (account_id, subscription_id, effective_on) DO UPDATE SET hosts = EXCLUDED.hosts;
    RETURN NEW;
END
$$;
CREATE TRIGGER subscription_hosts_history AFTER INSERT OR UPDATE OF hosts ON subscription
    FOR EACH ROW EXECUTE FUNCTION subscription_hosts_history();

-- Lines held before this migration: their current hosts since their start (earlier changes were not kept).
INSERT INTO subscription_hosts (account_id, subscription_id, effective_on, hosts)
SELECT account_id, subscription_id, service_effective_date, hosts
  FROM subscription;

-- A voided invoice frees its period: the run may issue the period again (the void keeps its number).
DROP INDEX invoice_account_period_idx;
CREATE UNIQUE INDEX invoice_account_period_idx ON invoice (account_id, period_start) WHERE status <> 'Void';
CREATE INDEX invoice_account_listing_idx ON invoice (account_id, period_start);
