// One account by name, with its password hash (for sign-in and the CLI only; never sent out).
MATCH (u:User {name: $name})
RETURN u {.id, .name, .role, .passwordHash,
          createdAt: toString(u.createdAt), disabledAt: toString(u.disabledAt)} AS user
