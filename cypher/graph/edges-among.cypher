// The relationships with both ends among the entities $members names (a map whose keys are their
// element ids, as nodes-by-ids returned them in the same transaction), of the whitelisted types in
// $rels (all when empty).
// Types are compared as values: no identifier is spliced into the statement. Each relationship is
// found from its lower-ranked end (fewer relationships, then smaller id), so the best-connected
// entity — the hub a neighbourhood is centred on — never has its relationships walked. The far
// end's element id is looked up in $members first (no store record read), since most
// relationships walked lead elsewhere: at 1M relationships a hub's 100 neighbours walk 8,000.
// A map, not a list: on Neo4j 5.26 `x IN $list` cost ~1 µs a test even against a parameter, a
// key lookup next to nothing (this statement went from ~18 to ~8 ms on that walk).
UNWIND keys($members) AS member
MATCH (n:Entity)
WHERE elementId(n) = member
WITH DISTINCT n
WITH n, COUNT { (n)--() } AS degree
ORDER BY degree DESC, n.id DESC
WITH collect({n: n, degree: degree}) AS ranked
CALL (ranked) {
  UNWIND ranked[1..] AS lower
  WITH lower.n AS a, lower.degree AS degree
  MATCH (a)-[r]-(b)
  WHERE $members[elementId(b)]
    AND (size($rels) = 0 OR type(r) IN $rels)
  WITH a, degree, r, b, COUNT { (b)--() } AS other
  WHERE other > degree OR (other = degree AND b.id > a.id)
  RETURN r
  UNION ALL
  // A relationship from an entity to itself (a merge can leave one), looked for only where the
  // degrees show one: it counts once among all relationships but both outgoing and incoming.
  UNWIND ranked AS row
  WITH row.n AS a
  WHERE COUNT { (a)-->() } + COUNT { (a)<--() } > COUNT { (a)--() }
  MATCH (a)-[r]->(a)
  WHERE size($rels) = 0 OR type(r) IN $rels
  RETURN r
}
RETURN startNode(r).id AS source, endNode(r).id AS target, type(r) AS type,
       coalesce(r.sources, []) AS sources
ORDER BY source, type, target
