SELECT coalesce(own.deck_id, master.deck_id)
  FROM account a
  LEFT JOIN account_rate_deck own ON own.account_id = a.account_id
  LEFT JOIN account_rate_deck master ON master.account_id = a.master_account_id
 WHERE a.account_id = :accountId
