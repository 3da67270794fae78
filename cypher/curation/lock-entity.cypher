// Takes the entity's write lock first (held until commit), then reads it: a concurrent edit waits
// here and then sees the committed version, so a stale version is detected, never overwritten.
// The flag that takes the lock goes at once (the lock stays until commit): one left behind was
// read back as the entity's own property, "Lock: Yes" on its page.
MATCH (n:Entity {id: $id})
SET n._lock = true
REMOVE n._lock
WITH n
RETURN n {.*} AS node, [l IN labels(n) WHERE l <> 'Entity'][0] AS type,
       coalesce(n.version, 0) AS version
