// Country ids whose prefix was not lower case (`COUNTRY:ke`): migration 0008 told countries apart
// case-sensitively, so it gave them every other id's lower case (`country:ke`), not a country's
// (`country:KE`), and no link, import or search finds them. As 0008 does: the entity takes its
// canonical id, and the annotations and audit events that name it follow, unless another entity
// already holds that id or two would take the same one (then all keep theirs, for an editor to
// merge).
MATCH (n:Entity)
WHERE n.id =~ '(?i)country:[a-z]{2}'
WITH n, 'country:' + toUpper(substring(n.id, 8)) AS canonical
WHERE n.id <> canonical
WITH canonical, collect(n) AS named
WHERE size(named) = 1 AND NOT EXISTS { MATCH (:Entity {id: canonical}) }
WITH canonical, named[0] AS n, named[0].id AS old
SET n.id = canonical
WITH old, canonical
CALL (old, canonical) {
  MATCH (a:Annotation) WHERE a.topic = old SET a.topic = canonical
}
CALL (old, canonical) {
  MATCH (a:Annotation) WHERE a.subject = old SET a.subject = canonical
}
CALL (old, canonical) {
  MATCH (e:AuditEvent) WHERE e.entityId = old SET e.entityId = canonical
}
RETURN count(*) AS renamed;
