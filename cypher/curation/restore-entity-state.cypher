// Before an entity delete is undone: whether its id is taken again (an entity holds it, or a merge
// redirects it), the creates and deletes of that id the audit trail holds after the delete, and
// each entity at the other end of a recorded relationship as it is now: its type, or where a merge
// took it. Those ends that are there are locked until commit, so none goes between this check and
// the restore.
MATCH (deleted:AuditEvent {id: $eventId})
CALL () {
  OPTIONAL MATCH (n:Entity {id: $id})
  OPTIONAL MATCH (moved:Redirect {from: $id})
  RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS type, moved.to AS mergedInto
}
CALL (deleted) {
  MATCH (e:AuditEvent)
  WHERE e.at >= deleted.at AND e.id <> deleted.id AND e.entityId = $id
    AND e.action IN ['entity.create', 'entity.delete', 'entity.restore']
  WITH e ORDER BY e.at
  RETURN collect({action: e.action, at: toString(e.at)}) AS later
}
CALL () {
  UNWIND $ends AS end
  OPTIONAL MATCH (m:Entity {id: end})
  OPTIONAL MATCH (moved:Redirect {from: end})
  FOREACH (x IN CASE WHEN m IS NULL THEN [] ELSE [m] END | SET x._lock = true REMOVE x._lock)
  RETURN collect({id: end, type: [l IN labels(m) WHERE l <> 'Entity'][0], mergedInto: moved.to}) AS ends
}
RETURN type, mergedInto, later, ends
