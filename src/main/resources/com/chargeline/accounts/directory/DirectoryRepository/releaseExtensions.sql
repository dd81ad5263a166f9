UPDATE phone_user
   SET extension_number = NULL
 WHERE account_id = :accountId
   AND lower(email) = ANY(SELECT lower(e) FROM unnest(CAST(:emails AS text[])) AS e)
   AND extension_number IS NOT NULL
