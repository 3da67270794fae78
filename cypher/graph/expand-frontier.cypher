// One breadth-first step of the neighbourhood of $centre: from the centre itself when $frontier is
// empty, else from the entities $frontier names (element ids, valid in this transaction only,
// best-connected first), to the entities one hop on that are neither the centre, nor in the
// frontier, nor in $seen (element ids of the hops before the frontier: the frontier is not sent
// twice, which at a million relationships is a thousand ids), over relationships of $rels into
// entities of $types (all when empty). Types are compared as values, never spliced in. At most
// $budget relationships are followed, so a hub of a big graph cannot drag the whole graph into
// one request: `capped` says the budget ran out (the counts are then lower bounds). Element ids and the store's degree counts keep the walk itself
// to the relationship and node records; ids and names are read only for the entities returned.
// One row: `found`, whether the centre exists; `byType`, how many entities of each type were
// reached; `reached`, their element ids best-connected first (the next frontier; empty unless
// $next, and empty when the next hop is counted here); and `candidates`, the entities that can
// be shown — of each type the $keep best-connected and any tied with the last of them (at most
// $keep + $ties; all when $keep is null) — each with its degree and the ids of the frontier
// entities that reach it.
// With $countNext, when the next hop is the last and what this one reached fills what can be
// shown (at least $fill entities), the next hop is only counted, here: nothing it reaches can be
// shown, so degrees, sorting and shortlisting would be wasted, and walking it in this statement
// spares the thousand element ids a 1M hub's first hop reaches a round trip (bench/README.md).
// `counted` says so; `nextByType` and `nextCapped` are its `byType` and `capped` (at most $budget
// relationships followed, from what this hop reached, best-connected first, over relationships
// of $rels into entities of $types, to entities neither the centre nor reached before).
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
WHERE m <> c
  AND NOT elementId(m) IN $frontier
  AND NOT elementId(m) IN $seen
  AND (size($rels) = 0 OR type(r) IN $rels)
  AND (size($types) = 0 OR any(l IN labels(m) WHERE l IN $types))
WITH a, m
LIMIT $budget
WITH m, collect(DISTINCT a) AS parents, count(*) AS followed
WITH m, parents, followed, COUNT { (m)--() } AS degree,
     [l IN labels(m) WHERE l <> 'Entity'][0] AS type
ORDER BY degree DESC, elementId(m)
WITH collect({m: m, type: type, degree: degree, parents: parents}) AS reached,
     sum(followed) AS followed
CALL (reached) {
  UNWIND reached AS x
  WITH x.type AS type, collect(x) AS group
  WITH type, group, CASE WHEN $keep IS NULL THEN null ELSE group[$keep - 1].degree END AS floor
  RETURN collect({type: type, count: size(group)}) AS byType,
         reduce(all = [], shown IN collect(
           CASE WHEN floor IS NULL THEN group
                ELSE [x IN group WHERE x.degree >= floor][0..$keep + $ties] END) | all + shown)
           AS shortlisted
}
WITH byType, shortlisted, reached, followed,
     $countNext AND size(reached) >= $fill AS counted
CALL (reached, counted) {
  WITH reached WHERE counted
  OPTIONAL MATCH (c:Entity {id: $centre})
  WITH c, [x IN reached | x.m] AS next
  UNWIND next AS a
  MATCH (a)-[r]-(m:Entity)
  WHERE m <> c
    AND NOT m IN next
    AND NOT elementId(m) IN $frontier
    AND NOT elementId(m) IN $seen
    AND (size($rels) = 0 OR type(r) IN $rels)
    AND (size($types) = 0 OR any(l IN labels(m) WHERE l IN $types))
  WITH m
  LIMIT $budget
  WITH m, count(*) AS followed
  WITH [l IN labels(m) WHERE l <> 'Entity'][0] AS type, count(m) AS count, sum(followed) AS followed
  // No grouping key: one row even when nothing is counted.
  RETURN collect({type: type, count: count}) AS nextByType, sum(followed) >= $budget AS nextCapped
}
RETURN EXISTS { MATCH (:Entity {id: $centre}) } AS found,
       byType,
       [x IN shortlisted | {
         id: x.m.id,
         label: coalesce(x.m.name, x.m.id),
         type: x.type,
         degree: x.degree,
         parents: [p IN x.parents | p.id]
       }] AS candidates,
       CASE WHEN $next AND NOT counted THEN [x IN reached | elementId(x.m)] ELSE [] END AS reached,
       followed >= $budget AS capped,
       counted, nextByType, nextCapped
