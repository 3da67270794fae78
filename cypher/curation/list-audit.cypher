// The audit feed, newest first; optionally about one entity (or annotation, view, relationship
// key), by one account, before a time. Paging continues after the last event shown: before its
// time, or at its time after its id ($beforeId), so events sharing a time are not skipped.
MATCH (e:AuditEvent)
WHERE ($entity IS NULL OR e.entityId = $entity OR $entity IN e.entityIds)
  AND ($actor IS NULL OR e.actor = $actor)
  AND ($before IS NULL OR e.at < datetime($before)
       OR ($beforeId IS NOT NULL AND e.at = datetime($before) AND e.id > $beforeId))
RETURN e {.id, .actor, .actorName, .action, .entityId, .entityIds, .before, .after, .undoneBy,
          at: toString(e.at)} AS event
ORDER BY e.at DESC, e.id
LIMIT $limit
