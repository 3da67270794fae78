// Upserts relationships between existing entities; the type comes from the whitelisted
// RELATIONSHIP_TYPES (checked in TypeScript before it gets here).
// Types are written out rather than given as $(row.type): with a dynamic type, and the statistics
// of an empty or young database, the planner looks relationships up by scanning all of them — once
// per row, so a first import took time quadratic in its size. With static types it expands from
// the two end nodes (Expand(Into)) whatever the statistics say. One MERGE per type of
// RELATIONSHIP_TYPES, and each in the lookup (a unit test checks both). The seek hints keep the
// end nodes' lookups per row too (planned on an empty database, a scan of the index looked cheaper).
UNWIND $relationships AS row
MATCH (a:Entity {id: row.from})
USING INDEX SEEK a:Entity(id)
MATCH (b:Entity {id: row.to})
USING INDEX SEEK b:Entity(id)
OPTIONAL MATCH (a)-[existing:LEADS|CO_LEADS|PARTICIPATES_IN|FUNDS|INVOLVES|TAKES_PLACE_IN|MEMBER_OF
                           |RUNS|OWNS|MAINTAINS|IMPLEMENTS|ADVANCES|DEPLOYED_IN|DEVELOPED_IN
                           |BASED_IN]->(b)
WHERE type(existing) = row.type
WITH row, a, b, existing IS NULL AS isNew, properties(existing) AS before
CALL (row, a, b) {
  WITH * WHERE row.type = 'LEADS' MERGE (a)-[r:LEADS]->(b) RETURN r
  UNION ALL
  WITH * WHERE row.type = 'CO_LEADS' MERGE (a)-[r:CO_LEADS]->(b) RETURN r
  UNION ALL
  WITH * WHERE row.type = 'PARTICIPATES_IN' MERGE (a)-[r:PARTICIPATES_IN]->(b) RETURN r
  UNION ALL
  WITH * WHERE row.type = 'FUNDS' MERGE (a)-[r:FUNDS]->(b) RETURN r
  UNION ALL
  WITH * WHERE row.type = 'INVOLVES' MERGE (a)-[r:INVOLVES]->(b) RETURN r
  UNION ALL
  WITH * WHERE row.type = 'TAKES_PLACE_IN' MERGE (a)-[r:TAKES_PLACE_IN]->(b) RETURN r
  UNION ALL
  WITH * WHERE row.type = 'MEMBER_OF' MERGE (a)-[r:MEMBER_OF]->(b) RETURN r
  UNION ALL
  WITH * WHERE row.type = 'RUNS' MERGE (a)-[r:RUNS]->(b) RETURN r
  UNION ALL
  WITH * WHERE row.type = 'OWNS' MERGE (a)-[r:OWNS]->(b) RETURN r
  UNION ALL
  WITH * WHERE row.type = 'MAINTAINS' MERGE (a)-[r:MAINTAINS]->(b) RETURN r
  UNION ALL
  WITH * WHERE row.type = 'IMPLEMENTS' MERGE (a)-[r:IMPLEMENTS]->(b) RETURN r
  UNION ALL
  WITH * WHERE row.type = 'ADVANCES' MERGE (a)-[r:ADVANCES]->(b) RETURN r
  UNION ALL
  WITH * WHERE row.type = 'DEPLOYED_IN' MERGE (a)-[r:DEPLOYED_IN]->(b) RETURN r
  UNION ALL
  WITH * WHERE row.type = 'DEVELOPED_IN' MERGE (a)-[r:DEVELOPED_IN]->(b) RETURN r
  UNION ALL
  WITH * WHERE row.type = 'BASED_IN' MERGE (a)-[r:BASED_IN]->(b) RETURN r
}
SET r += row.props
WITH r, row, isNew, before, coalesce(r.sources, []) AS srcs, coalesce(r.evidence, []) AS ev
SET r.evidence = CASE
      WHEN $sourceId IN srcs
        THEN [i IN range(0, size(srcs) - 1) | CASE WHEN srcs[i] = $sourceId THEN row.evidence ELSE ev[i] END]
      ELSE ev + row.evidence
    END,
    r.sources = CASE WHEN $sourceId IN srcs THEN srcs ELSE srcs + $sourceId END
RETURN row.from + '|' + row.type + '|' + row.to AS key,
       CASE WHEN isNew THEN 'created' WHEN before = properties(r) THEN 'unchanged' ELSE 'updated' END AS status
