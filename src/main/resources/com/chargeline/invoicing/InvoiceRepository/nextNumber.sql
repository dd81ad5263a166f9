-- Takes the next invoice number of the issuer: the first use creates the counter (1 taken, 2 next), later uses add one.
-- The upsert row-locks the counter until the posting transaction ends, so concurrent posts of one issuer (from any
-- server process) queue here, and a post that rolls back gives its number back: no gaps, no repeats.
INSERT INTO invoice_number AS n (issuer_account_id, next_number)
VALUES (:issuerId, 2)
ON CONFLICT (issuer_account_id) DO UPDATE SET next_number = n.next_number + 1
RETURNING n.next_number - 1
