-- The account whose owner has this e-mail address, compared without case.
SELECT account_id
  FROM account
 WHERE lower(owner_email) = lower(:email)
