// Every account with its API tokens (never their hashes), for `npm run user -- list`.
MATCH (u:User)
OPTIONAL MATCH (t:ApiToken {userId: u.id})
WITH u, t ORDER BY t.createdAt
WITH u, collect(CASE WHEN t IS NULL THEN null ELSE t {.id, .label,
       createdAt: toString(t.createdAt), revokedAt: toString(t.revokedAt)} END) AS tokens
RETURN u {.id, .name, .role, hasPassword: u.passwordHash IS NOT NULL,
          createdAt: toString(u.createdAt), disabledAt: toString(u.disabledAt)} AS user, tokens
ORDER BY u.name
