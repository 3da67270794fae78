// Signs a session out.
MATCH (s:Session {key: $key})
DELETE s
RETURN count(*) AS deleted
