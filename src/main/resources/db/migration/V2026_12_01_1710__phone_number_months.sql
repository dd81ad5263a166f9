-- The rollup Talkdesk's NUMBER rows read, so that a page costs the same whatever the numbers an organization holds:
-- per account and month of its calendar, +1 for each holding that starts in the month and -1 for each that was last
-- held in the month before. The numbers held in a month are the running sum up to it. Rebuilt from the account's
-- holdings (phone_number_months_rebuild) whenever they or the account's time zone change.
CREATE TABLE phone_number_months (
    account_id  uuid    NOT NULL REFERENCES account (account_id),
    month       date    NOT NULL CHECK (extract(day FROM month) = 1),
    delta       integer NOT NULL,
    PRIMARY KEY (account_id, month)
);

CREATE FUNCTION phone_number_months_rebuild(account uuid) RETURNS void LANGUAGE sql AS $$
    DELETE FROM phone_number_months WHERE account_id = account;
    INSERT INTO phone_number_months (account_id, month, delta)
    SELECT c.account_id, c.month, sum(c.delta)
      FROM (SELECT h.account_id, CAST(date_trunc('month', h.held_from AT TIME ZONE a.time_zone) AS date) AS month,
                   1 AS delta
              FROM phone_number_holding h
              JOIN account a ON a.account_id = h.account_id
             WHERE h.account_id = account
            UNION ALL
            -- a holding that ended at a month's first instant was last held in the month before
            SELECT h.account_id,
                   CAST(date_trunc('month', greatest(h.held_from, h.held_until - interval '1 microsecond')
                                            AT TIME ZONE a.time_zone) + interval '1 month' AS date), -1
              FROM phone_number_holding h
              JOIN account a ON a.account_id = h.account_id
             WHERE h.account_id = account
               AND h.held_until IS NOT NULL) c
     GROUP BY c.account_id, c.month
    HAVING sum(c.delta) <> 0;
$$;

SELECT phone_number_months_rebuild(account_id) FROM (SELECT DISTINCT account_id FROM phone_number_holding) h;
