-- When each number was held by which account, for the months a number counts in (Talkdesk's monthly usage:
-- NUMBER rows). phone_number is the current directory; a holding starts when a number enters an account's directory
-- and ends (held_until, exclusive) when the account releases it. A number is held by one account at a time.
CREATE TABLE phone_number_holding (
    account_id  uuid        NOT NULL REFERENCES account (account_id),
    number      text        NOT NULL,                               -- E.164 with '+'
    held_from   timestamptz NOT NULL,
    held_until  timestamptz,                                        -- NULL: still held
    PRIMARY KEY (account_id, number, held_from),
    CHECK (held_until IS NULL OR held_until >= held_from)
);
CREATE UNIQUE INDEX phone_number_holding_open_uq ON phone_number_holding (number) WHERE held_until IS NULL;

-- The numbers already in directories: held since their user was last written (the earliest time known), or since
-- the account was created.
INSERT INTO phone_number_holding (account_id, number, held_from)
SELECT n.account_id, n.number, coalesce(u.updated_at, a.created_at)
  FROM phone_number n
  JOIN account a ON a.account_id = n.account_id
  LEFT JOIN phone_user u ON u.account_id = n.account_id AND u.user_id = n.user_id;
