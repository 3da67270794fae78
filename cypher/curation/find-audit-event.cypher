// One audit event by id, for undoing it, with the undo that undid it already, if any.
MATCH (e:AuditEvent {id: $id})
RETURN e {.id, .actor, .actorName, .action, .entityId, .entityIds, .before, .after,
          at: toString(e.at)} AS event,
       e.undoneBy AS undoneBy, toString(e.undoneAt) AS undoneAt
