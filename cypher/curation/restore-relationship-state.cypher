// Before a relationship delete is undone: each end as it is now (its type, or where a merge took
// it; locked until commit when there, so neither goes, and no one states the relationship, between
// this check and the restore), whether the relationship exists again, and the states and deletes
// of it the audit trail holds after the delete. The type is whitelisted.
MATCH (deleted:AuditEvent {id: $eventId})
CALL () {
  UNWIND [$from, $to] AS end
  OPTIONAL MATCH (m:Entity {id: end})
  OPTIONAL MATCH (moved:Redirect {from: end})
  FOREACH (x IN CASE WHEN m IS NULL THEN [] ELSE [m] END | SET x._lock = true REMOVE x._lock)
  RETURN collect({id: end, type: [l IN labels(m) WHERE l <> 'Entity'][0], mergedInto: moved.to}) AS ends
}
CALL (deleted) {
  MATCH (e:AuditEvent)
  WHERE e.at >= deleted.at AND e.id <> deleted.id AND e.entityId = $key
    AND e.action IN ['relationship.create', 'relationship.delete', 'relationship.restore']
  WITH e ORDER BY e.at
  RETURN collect({action: e.action, at: toString(e.at)}) AS later
}
RETURN ends[0] AS fromNow, ends[1] AS toNow, later,
       EXISTS { MATCH (:Entity {id: $from})-[:$($type)]->(:Entity {id: $to}) } AS exists
