// An editor states a relationship: created if new, the editor's provenance entry added either way.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MERGE (a)-[r:$($type)]->(b)
SET r += $props
WITH r, coalesce(r.sources, []) AS srcs, coalesce(r.evidence, []) AS ev
SET r.evidence = CASE
      WHEN $editor.sourceId IN srcs
        THEN [i IN range(0, size(srcs) - 1) | CASE WHEN srcs[i] = $editor.sourceId THEN $editor.evidence ELSE ev[i] END]
      ELSE ev + $editor.evidence
    END,
    r.sources = CASE WHEN $editor.sourceId IN srcs THEN srcs ELSE srcs + $editor.sourceId END
RETURN properties(r) AS properties
