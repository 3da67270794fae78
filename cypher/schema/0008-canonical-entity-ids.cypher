// Entity ids are read in their canonical case (server/model/entity-ids.ts): a country's ISO code in
// capitals, every other id in lower case. Before that, the curation API stored an id as a client
// gave it, so an entity created as `org:ACME` would now be out of reach. It takes its canonical
// id, and the annotations and audit events that name it follow, unless another entity already
// holds that id or two would take the same one (then all keep theirs, for an editor to merge).
MATCH (n:Entity)
WITH n, CASE WHEN n.id =~ 'country:[A-Za-z]{2}' THEN 'country:' + toUpper(substring(n.id, 8))
             ELSE toLower(n.id) END AS canonical
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
