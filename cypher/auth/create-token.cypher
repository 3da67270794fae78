// An API token for scripts; only its SHA-256 is stored.
MATCH (u:User {id: $token.userId})
CREATE (t:ApiToken {id: $token.id, userId: u.id, hash: $token.hash, label: $token.label,
                    createdAt: datetime()})
RETURN t.id AS id
