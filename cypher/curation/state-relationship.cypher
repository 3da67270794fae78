// An editor states a relationship: created if new, the editor's provenance entry added either way,
// the properties the editor gave recorded as edited (imports leave those alone), the version on.
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
    r.sources = CASE WHEN $editor.sourceId IN srcs THEN srcs ELSE srcs + $editor.sourceId END,
    r.editedProperties = reduce(acc = coalesce(r.editedProperties, []), k IN keys($props) |
      CASE WHEN k IN acc THEN acc ELSE acc + k END),
    r.version = coalesce(r.version, 0) + 1
RETURN properties(r) AS properties
