// Undo, step 5: the kept entity gets back its aliases, sources, evidence and edited marks, loses
// the properties it took from the removed one (null in $props), and its version moves on.
MATCH (n:Entity {id: $id})
SET n += $props
SET n.version = $version
SET n.aliasText = reduce(text = '', a IN coalesce(n.aliases, []) | text + a + ' | ')
  + reduce(text = '', w IN [x IN coalesce(n.aliases, []) + [n.name] WHERE x CONTAINS "\u0027" OR x CONTAINS '’'] |
      text + replace(replace(w, "\u0027", ' '), '’', ' ') + ' | ')
REMOVE n._lock
RETURN n {.*} AS node
