// The last breadth-first step of the neighbourhood of $centre when nearer hops already fill the
// limit: nothing it reaches can be shown and no further hop starts from it, so it only counts.
// The same walk as expand-frontier.cypher (from the entities $frontier names, best-connected
// first, to entities that are neither the centre, nor in the frontier, nor in $seen, over
// relationships of $rels into entities of $types, at most $budget relationships), without
// reading degrees, sorting or shortlisting what it reached: at 1M relationships that was a third
// of the step. One row: `byType`, how many entities of each type were reached, and `capped`,
// whether the budget ran out (the counts are then lower bounds).
OPTIONAL MATCH (c:Entity {id: $centre})
UNWIND $frontier AS from
MATCH (a:Entity)
WHERE elementId(a) = from
MATCH (a)-[r]-(m:Entity)
WHERE m <> c
  AND NOT elementId(m) IN $frontier
  AND NOT elementId(m) IN $seen
  AND (size($rels) = 0 OR type(r) IN $rels)
  AND (size($types) = 0 OR any(l IN labels(m) WHERE l IN $types))
WITH m
LIMIT $budget
WITH m, count(*) AS followed
WITH [l IN labels(m) WHERE l <> 'Entity'][0] AS type, count(m) AS count, sum(followed) AS followed
WITH collect({type: type, count: count}) AS byType, sum(followed) AS followed
RETURN byType, followed >= $budget AS capped
