// Undo of an entity delete: the entity again with its id, labels (whitelisted), properties as
// stored (sources, evidence and edited marks among them) and its version moved on.
CREATE (n:Entity {id: $id})
SET n:$($labels)
SET n += $props
// The search text of the aliases, then of the names and aliases with an apostrophe written apart
// (migration 0013 says why).
SET n.aliasText = reduce(text = '', a IN coalesce(n.aliases, []) | text + a + ' | ')
  + reduce(text = '', w IN [x IN coalesce(n.aliases, []) + [n.name] WHERE x CONTAINS "\u0027" OR x CONTAINS '’'] |
      text + replace(replace(w, "\u0027", ' '), '’', ' ') + ' | ')
RETURN n {.*} AS node
