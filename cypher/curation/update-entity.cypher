// Applies an editor's change to a locked entity: the properties (null removes one), the list of
// properties editors set (imports leave those alone), the editor's provenance entry, the version.
MATCH (n:Entity {id: $id})
SET n += $props
WITH n, coalesce(n.sources, []) AS srcs, coalesce(n.evidence, []) AS ev
SET n.editedProperties = reduce(acc = coalesce(n.editedProperties, []), k IN $edited |
      CASE WHEN k IN acc THEN acc ELSE acc + k END),
    n.aliases = coalesce(n.aliases, []),
    n.evidence = CASE
      WHEN $editor.sourceId IN srcs
        THEN [i IN range(0, size(srcs) - 1) | CASE WHEN srcs[i] = $editor.sourceId THEN $editor.evidence ELSE ev[i] END]
      ELSE ev + $editor.evidence
    END,
    n.sources = CASE WHEN $editor.sourceId IN srcs THEN srcs ELSE srcs + $editor.sourceId END,
    n.version = coalesce(n.version, 0) + 1
// The search text of the aliases, then of the names and aliases with an apostrophe written apart
// (migration 0013 says why).
SET n.aliasText = reduce(text = '', a IN n.aliases | text + a + ' | ')
  + reduce(text = '', w IN [x IN n.aliases + [n.name] WHERE x CONTAINS "\u0027" OR x CONTAINS '’'] |
      text + replace(replace(w, "\u0027", ' '), '’', ' ') + ' | ')
REMOVE n._lock
RETURN n {.*} AS node
