// The relationships with both ends among the entities $members names (element ids, as
// nodes-by-ids returned them in the same transaction), of the whitelisted types in $rels (all
// when empty).
// Types are compared as values: no identifier is spliced into the statement. Each relationship is
// found from its lower-ranked end (fewer relationships, then smaller id), so the best-connected
// entity — the hub a neighbourhood is centred on — never has its relationships walked. The far
// end's element id is tested against $members first (no store record read, and the parameter
// list is looked up as a set rather than scanned like a list built in the query), since most
// relationships walked lead elsewhere: at 1M relationships a hub's 100 neighbours walk 8,000.
UNWIND $members AS member
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
  WHERE elementId(b) IN $members
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
