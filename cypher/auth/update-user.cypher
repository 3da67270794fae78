// Changes an account's role or password, or disables it (which also ends its sessions).
MATCH (u:User {name: $name})
SET u += $changes
FOREACH (_ IN CASE WHEN $disable THEN [1] ELSE [] END | SET u.disabledAt = datetime())
WITH u
OPTIONAL MATCH (s:Session {userId: u.id})
WHERE $disable
DELETE s
RETURN DISTINCT u.id AS id
