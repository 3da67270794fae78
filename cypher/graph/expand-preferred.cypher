// A hop walked again for the preferred types alone (neighbourhood-service.ts preferredPastBudget),
// after the hop's own walk (expand-frontier.cypher) ran out of budget on other types. From the
// centre when $frontier is empty, else from the entities $frontier names (element ids), to
// entities of $types (the preferred ones, compared as values, never spliced in) over relationships
// of $rels (all when empty) that are neither the centre nor in $frontier or $seen. At most $scan
// relationships are looked at, whatever their type, so a rare preferred type on a hub costs a
// bounded walk too; of those, at most $budget lead to what is returned. One row (none when nothing
// preferred is found): `candidates` as expand-frontier.cypher returns them, and `reached`, their
// element ids, so that the next hop does not reach them again.
OPTIONAL MATCH (c:Entity {id: $centre})
CALL (c) {
  WITH c
  WHERE c IS NOT NULL AND size($frontier) = 0
  RETURN c AS a
  UNION ALL
  UNWIND $frontier AS from
  MATCH (a:Entity)
  WHERE elementId(a) = from
  RETURN a
}
MATCH (a)-[r]-(m:Entity)
WITH c, a, r, m
LIMIT $scan
// The type tests first: most of what is looked at is not of a preferred type, and the list tests
// against a thousand element ids cost a microsecond each.
WITH c, a, r, m
WHERE any(l IN labels(m) WHERE l IN $types)
  AND (size($rels) = 0 OR type(r) IN $rels)
  AND m <> c
  AND NOT elementId(m) IN $frontier
  AND NOT elementId(m) IN $seen
WITH a, m
LIMIT $budget
WITH m, collect(DISTINCT a) AS parents
WITH m, parents, COUNT { (m)--() } AS degree, [l IN labels(m) WHERE l <> 'Entity'][0] AS type
ORDER BY degree DESC, elementId(m)
RETURN collect({
         id: m.id,
         label: coalesce(m.name, m.id),
         type: type,
         degree: degree,
         parents: [p IN parents | p.id]
       }) AS candidates,
       collect(elementId(m)) AS reached
