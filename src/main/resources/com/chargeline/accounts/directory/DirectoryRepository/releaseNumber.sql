-- The account gives a number up at :at: it leaves the directory and its holding ends. Returns the number, if it was
-- the account's.
WITH released AS (
    DELETE FROM phone_number
     WHERE account_id = :accountId AND number = :number
    RETURNING account_id, number
), ended AS (
    UPDATE phone_number_holding h
       SET held_until = :at
      FROM released r
     WHERE h.account_id = r.account_id AND h.number = r.number AND h.held_until IS NULL
)
SELECT number FROM released
