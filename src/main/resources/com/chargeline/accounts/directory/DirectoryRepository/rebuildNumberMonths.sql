-- The account's phone_number_months from its holdings (after a number was taken or released).
SELECT phone_number_months_rebuild(:accountId)
