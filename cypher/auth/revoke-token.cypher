// Revokes an API token; revoking twice keeps the first time.
MATCH (t:ApiToken {id: $id})
SET t.revokedAt = coalesce(t.revokedAt, datetime())
RETURN t.id AS id, t.userId AS userId
