// Merge, step 3: the kept entity takes the provenance of both ($sources, $evidence: united in
// entity-merge.ts), the removed one's names (as aliases) and the properties it lacked; the removed
// one is deleted and leaves a Redirect (earlier redirects to it and annotations about it follow to
// the kept one).
MATCH (keep:Entity {id: $keep})
MATCH (rm:Entity {id: $remove})
SET keep += $fill
SET keep.sources = $sources,
    keep.evidence = $evidence,
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
