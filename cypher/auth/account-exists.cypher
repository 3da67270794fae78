// Whether an account has this id or this name (a saved-view list asked for by owner names one).
OPTIONAL MATCH (u:User)
WHERE u.id = $account OR u.name = $account
RETURN count(u) > 0 AS exists
