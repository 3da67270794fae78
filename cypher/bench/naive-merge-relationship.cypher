// Benchmark baseline only (bench/synthetic/naive-import.ts): ONE relationship per statement and
// per transaction, the way a naive import script writes — to measure the project's batched import
// path against. The type is written out per branch, as a script would paste it into its query (a
// dynamic $(type) in MERGE gets a scan of all relationships planned on an empty database, which
// would make the baseline unfairly slow).
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
CALL (a, b) {
  WITH * WHERE $type = 'LEADS' MERGE (a)-[r:LEADS]->(b) RETURN r
  UNION ALL
  WITH * WHERE $type = 'CO_LEADS' MERGE (a)-[r:CO_LEADS]->(b) RETURN r
  UNION ALL
  WITH * WHERE $type = 'PARTICIPATES_IN' MERGE (a)-[r:PARTICIPATES_IN]->(b) RETURN r
  UNION ALL
  WITH * WHERE $type = 'FUNDS' MERGE (a)-[r:FUNDS]->(b) RETURN r
  UNION ALL
  WITH * WHERE $type = 'INVOLVES' MERGE (a)-[r:INVOLVES]->(b) RETURN r
  UNION ALL
  WITH * WHERE $type = 'TAKES_PLACE_IN' MERGE (a)-[r:TAKES_PLACE_IN]->(b) RETURN r
  UNION ALL
  WITH * WHERE $type = 'MEMBER_OF' MERGE (a)-[r:MEMBER_OF]->(b) RETURN r
  UNION ALL
  WITH * WHERE $type = 'RUNS' MERGE (a)-[r:RUNS]->(b) RETURN r
  UNION ALL
  WITH * WHERE $type = 'OWNS' MERGE (a)-[r:OWNS]->(b) RETURN r
  UNION ALL
  WITH * WHERE $type = 'MAINTAINS' MERGE (a)-[r:MAINTAINS]->(b) RETURN r
  UNION ALL
  WITH * WHERE $type = 'IMPLEMENTS' MERGE (a)-[r:IMPLEMENTS]->(b) RETURN r
  UNION ALL
  WITH * WHERE $type = 'ADVANCES' MERGE (a)-[r:ADVANCES]->(b) RETURN r
  UNION ALL
  WITH * WHERE $type = 'DEPLOYED_IN' MERGE (a)-[r:DEPLOYED_IN]->(b) RETURN r
  UNION ALL
  WITH * WHERE $type = 'DEVELOPED_IN' MERGE (a)-[r:DEVELOPED_IN]->(b) RETURN r
  UNION ALL
  WITH * WHERE $type = 'BASED_IN' MERGE (a)-[r:BASED_IN]->(b) RETURN r
}
SET r += $props,
    r.sources = coalesce(r.sources, []) + $sourceId,
    r.evidence = coalesce(r.evidence, []) + $evidence
