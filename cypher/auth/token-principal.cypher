// The account a presented API token (by its hash) acts for, if the token and account are live.
MATCH (t:ApiToken {hash: $hash})
WHERE t.revokedAt IS NULL
MATCH (u:User {id: t.userId})
WHERE u.disabledAt IS NULL
RETURN u {.id, .name, .role} AS user
