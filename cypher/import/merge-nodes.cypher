// Upserts entities by id and records that $sourceId states them (with the evidence it gave).
// Provenance lives in two aligned lists: sources[i] stated the node, evidence[i] is where.
// The seek hint keeps the lookup per row whatever the statistics (see merge-relationships).
UNWIND $nodes AS row
OPTIONAL MATCH (existing:Entity {id: row.id})
USING INDEX SEEK existing:Entity(id)
WITH row, existing IS NULL AS isNew, properties(existing) AS before
MERGE (n:Entity {id: row.id})
SET n:$(row.label)
SET n += row.props
WITH n, row, isNew, before, coalesce(n.sources, []) AS srcs, coalesce(n.evidence, []) AS ev
SET n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases |
      CASE WHEN a IN acc OR a = n.name THEN acc ELSE acc + a END),
    n.evidence = CASE
      WHEN $sourceId IN srcs
        THEN [i IN range(0, size(srcs) - 1) | CASE WHEN srcs[i] = $sourceId THEN row.evidence ELSE ev[i] END]
      ELSE ev + row.evidence
    END,
    n.sources = CASE WHEN $sourceId IN srcs THEN srcs ELSE srcs + $sourceId END
WITH n, row, isNew, before
// The search text of the aliases, then of the names and aliases with an apostrophe written apart
// (migration 0013 says why).
SET n.aliasText = reduce(text = '', a IN n.aliases | text + a + ' | ')
  + reduce(text = '', w IN [x IN n.aliases + [n.name] WHERE x CONTAINS "\u0027" OR x CONTAINS '’'] |
      text + replace(replace(w, "\u0027", ' '), '’', ' ') + ' | ')
RETURN row.id AS id,
       CASE WHEN isNew THEN 'created' WHEN before = properties(n) THEN 'unchanged' ELSE 'updated' END AS status
