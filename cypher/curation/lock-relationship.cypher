// Takes a relationship's write lock first (held until commit), then reads it with both ends'
// names: a concurrent edit waits here and then sees the committed version (see lock-entity).
MATCH (a:Entity {id: $from})-[r:$($type)]->(b:Entity {id: $to})
SET r._lock = true
REMOVE r._lock
WITH a, r, b
RETURN properties(r) AS properties, coalesce(a.name, a.id) AS fromLabel,
       coalesce(b.name, b.id) AS toLabel
