// The shortest paths between two entities: up to 10 (the caller keeps $k), each at most $maxHops
// relationships (6 at most: a quantifier cannot be a parameter), through entities only, over
// relationships of $rels (all when empty), never visiting an entity twice. Shortest first, then by
// the sequence of node ids. When 10 come back, the longest length may have more paths than SHORTEST
// kept (an arbitrary few): the caller reads that length whole with paths-of-length.cypher.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 10 (a)(()-[r]-(:Entity) WHERE size($rels) = 0 OR type(r) IN $rels){1,6}(b)
WHERE length(p) <= $maxHops
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH p, [n IN nodes(p) | n.id] AS nodeIds
ORDER BY length(p), nodeIds
RETURN nodeIds,
       [r IN relationships(p) | {
         source: startNode(r).id,
         target: endNode(r).id,
         type: type(r),
         sources: coalesce(r.sources, [])
       }] AS edges
