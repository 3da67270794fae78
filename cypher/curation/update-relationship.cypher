// Applies an editor's change to a locked relationship: the properties (null removes one), the list
// of properties editors set (imports leave those alone), the editor's provenance entry, the version.
MATCH (:Entity {id: $from})-[r:$($type)]->(:Entity {id: $to})
SET r += $props
WITH r, coalesce(r.sources, []) AS srcs, coalesce(r.evidence, []) AS ev
SET r.editedProperties = reduce(acc = coalesce(r.editedProperties, []), k IN $edited |
      CASE WHEN k IN acc THEN acc ELSE acc + k END),
    r.evidence = CASE
      WHEN $editor.sourceId IN srcs
        THEN [i IN range(0, size(srcs) - 1) | CASE WHEN srcs[i] = $editor.sourceId THEN $editor.evidence ELSE ev[i] END]
      ELSE ev + $editor.evidence
    END,
    r.sources = CASE WHEN $editor.sourceId IN srcs THEN srcs ELSE srcs + $editor.sourceId END,
    r.version = coalesce(r.version, 0) + 1
REMOVE r._lock
RETURN properties(r) AS properties
