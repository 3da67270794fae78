// A browser session for an account (stored by the hash of its id); expired ones are swept here.
MATCH (u:User {id: $session.userId})
CREATE (s:Session {key: $session.key, userId: u.id, createdAt: datetime(),
                   expiresAt: datetime() + duration({hours: $session.hours})})
WITH s
OPTIONAL MATCH (old:Session)
WHERE old.expiresAt < datetime()
DELETE old
RETURN DISTINCT toString(s.expiresAt) AS expiresAt
