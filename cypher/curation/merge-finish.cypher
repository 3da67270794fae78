// Merge, step 3: the kept entity takes the removed one's provenance, names (as aliases) and the
// properties it lacked; the removed one is deleted and leaves a Redirect (earlier redirects to it
// and annotations about it follow to the kept one).
MATCH (keep:Entity {id: $keep})
MATCH (rm:Entity {id: $remove})
WITH keep, rm, coalesce(keep.sources, []) AS s0, coalesce(keep.evidence, []) AS e0,
     coalesce(rm.sources, []) AS ps, coalesce(rm.evidence, []) AS pe
SET keep += $fill
WITH keep, rm, s0, e0, ps, pe, [i IN range(0, size(ps) - 1) WHERE NOT ps[i] IN s0] AS add
SET keep.sources = s0 + [i IN add | ps[i]],
    keep.evidence = e0 + [i IN add | pe[i]],
    keep.aliases = $aliases,
    keep.editedProperties = $edited
// The search text of the aliases, then of the names and aliases with an apostrophe written apart
// (migration 0013 says why).
SET keep.aliasText = reduce(text = '', a IN keep.aliases | text + a + ' | ')
  + reduce(text = '', w IN [x IN keep.aliases + [keep.name] WHERE x CONTAINS "\u0027" OR x CONTAINS '’'] |
      text + replace(replace(w, "\u0027", ' '), '’', ' ') + ' | ')
DETACH DELETE rm
MERGE (redirect:Redirect {from: $remove})
SET redirect.to = $keep, redirect.at = datetime()
WITH keep
CALL (keep) {
  MATCH (earlier:Redirect {to: $remove})
  SET earlier.to = keep.id
}
CALL (keep) {
  MATCH (a:Annotation) WHERE a.topic = $remove SET a.topic = keep.id
}
CALL (keep) {
  MATCH (a:Annotation) WHERE a.subject = $remove SET a.subject = keep.id
}
RETURN keep.id AS id
