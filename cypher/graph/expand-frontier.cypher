// One breadth-first step of a neighbourhood: the entities one hop from $frontier that are not in
// $seen, over relationships of $rels and into entities of $types (all when empty), each with the
// frontier entities that reach it. Types are compared as values, never spliced in.
UNWIND $frontier AS fromId
MATCH (a:Entity {id: fromId})-[r]-(m:Entity)
WHERE NOT m.id IN $seen
  AND (size($rels) = 0 OR type(r) IN $rels)
  AND (size($types) = 0 OR any(l IN labels(m) WHERE l IN $types))
WITH m, collect(DISTINCT a.id) AS parents
RETURN m.id AS id,
       coalesce(m.name, m.id) AS label,
       [l IN labels(m) WHERE l <> 'Entity'][0] AS type,
       COUNT { (m)--(:Entity) } AS degree,
       parents
