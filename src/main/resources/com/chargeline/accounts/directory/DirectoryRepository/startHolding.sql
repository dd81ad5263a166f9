-- A number enters the account's directory at :at. Taken back in the calendar month (the account's time zone) in which
-- the account released it, the number continues that holding: a number counts once in a month.
WITH reopened AS (
    UPDATE phone_number_holding h
       SET held_until = NULL
      FROM account a
     WHERE a.account_id = h.account_id
       AND h.account_id = :accountId
       AND h.number = :number
       AND h.held_until = (SELECT max(p.held_until) FROM phone_number_holding p
                            WHERE p.account_id = :accountId AND p.number = :number)
       AND date_trunc('month', h.held_until AT TIME ZONE a.time_zone)
           = date_trunc('month', CAST(:at AS timestamptz) AT TIME ZONE a.time_zone)
    RETURNING h.number
)
INSERT INTO phone_number_holding (account_id, number, held_from)
SELECT :accountId, :number, :at
 WHERE NOT EXISTS (SELECT 1 FROM reopened)
