SELECT EXISTS (SELECT 1 FROM account WHERE lower(owner_email) = lower(:email))
