-- The account's phone_number_months from its holdings in its (new) time zone's calendar.
SELECT phone_number_months_rebuild(:accountId)
