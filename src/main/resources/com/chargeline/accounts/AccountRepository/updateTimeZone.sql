-- Sets an account's time zone (an IANA name), the calendar its usage months, plan dates and invoices follow.
UPDATE account
   SET time_zone = :timeZone
 WHERE account_id = :accountId
