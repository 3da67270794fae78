// A new account; names are unique (constraint user_name), the first admin comes from the CLI.
CREATE (u:User {id: $user.id, name: $user.name, role: $user.role, createdAt: datetime()})
SET u.passwordHash = $user.passwordHash
RETURN u.id AS id
