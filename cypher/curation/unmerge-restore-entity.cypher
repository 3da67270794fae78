// Undo, step 3: the removed entity again, with its id, labels (whitelisted), properties, sources
// and edited marks; its Redirect goes, and the redirects and annotations the merge moved to the
// kept entity lead to it again.
CREATE (n:Entity {id: $id})
SET n:$($labels)
SET n += $props
// The search text of the aliases, then of the names and aliases with an apostrophe written apart
// (migration 0013 says why).
SET n.aliasText = reduce(text = '', a IN coalesce(n.aliases, []) | text + a + ' | ')
  + reduce(text = '', w IN [x IN coalesce(n.aliases, []) + [n.name] WHERE x CONTAINS "\u0027" OR x CONTAINS '’'] |
      text + replace(replace(w, "\u0027", ' '), '’', ' ') + ' | ')
WITH n
CALL (n) {
  MATCH (redirect:Redirect {from: $id})
  DELETE redirect
}
CALL (n) {
  MATCH (earlier:Redirect {to: $keep})
  WHERE earlier.from IN $redirects
  SET earlier.to = $id
}
CALL (n) {
  MATCH (a:Annotation) WHERE a.id IN $topics AND a.topic = $keep SET a.topic = $id
}
CALL (n) {
  MATCH (a:Annotation) WHERE a.id IN $subjects AND a.subject = $keep SET a.subject = $id
}
RETURN n {.*} AS node
