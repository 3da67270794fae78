// Benchmarks only: one step of emptying the graph (all but the schema version) — up to $limit
// relationships, or once none is left, up to $limit nodes — and how many of each. Called until
// it says 0, so wiping a graph of a million relationships never needs a transaction bigger than
// the heap (admin/wipe does it all at once, which at 1M relationships exceeds the 1 GiB local
// database's transaction memory; so did deleting nodes in batches, their hubs' relationships
// with them).
OPTIONAL MATCH ()-[r]->()
WITH r LIMIT $limit
DELETE r
WITH count(r) AS relationships
CALL (relationships) {
  // (an UNWIND rather than WHERE: the planner would move a WHERE after the scan of all nodes)
  UNWIND CASE WHEN relationships = 0 THEN [true] ELSE [] END AS noRelationshipsLeft
  MATCH (n)
  WHERE NOT n:SchemaVersion
  WITH n LIMIT $limit
  DELETE n
  RETURN count(n) AS nodes
}
RETURN relationships, nodes
