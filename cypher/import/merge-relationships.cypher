// Upserts relationships between existing entities; the type comes from the whitelisted
// RELATIONSHIP_TYPES (checked in TypeScript before it gets here).
UNWIND $relationships AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[existing:$(row.type)]->(b)
WITH row, a, b, existing IS NULL AS isNew, properties(existing) AS before
MERGE (a)-[r:$(row.type)]->(b)
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
