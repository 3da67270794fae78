// Takes the entity's write lock first (held until commit), then reads it: a concurrent edit waits
// here and then sees the committed version, so a stale version is detected, never overwritten.
MATCH (n:Entity {id: $id})
SET n._lock = true
WITH n
RETURN n {.*} AS node, [l IN labels(n) WHERE l <> 'Entity'][0] AS type,
       coalesce(n.version, 0) AS version
