// One audit event by id, for undoing it, after taking its write lock (held until commit, and the
// event left as it was): two undos of one merge or delete wait for each other here, so the second
// sees the first one done. With the undo that undid it already, if any.
MATCH (e:AuditEvent {id: $id})
SET e._lock = true
REMOVE e._lock
RETURN e {.id, .action, .entityId, .before, .after, at: toString(e.at)} AS event,
       e.undoneBy AS undoneBy, toString(e.undoneAt) AS undoneAt
