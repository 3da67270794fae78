// The account a session cookie acts for, while the session lasts and the account is enabled.
MATCH (s:Session {key: $key})
WHERE s.expiresAt > datetime()
MATCH (u:User {id: s.userId})
WHERE u.disabledAt IS NULL
RETURN u {.id, .name, .role} AS user
