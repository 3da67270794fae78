// Benchmarks only: every relationship in the database (answered from Neo4j's count store, not a
// scan), to tell whether a synthetic graph kept from an earlier run is still whole.
MATCH ()-[r]->()
RETURN count(r) AS relationships
