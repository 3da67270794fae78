// One audit record per change, written in the change's own transaction: who, when, what, and the
// state before and after (JSON).
CREATE (e:AuditEvent {id: randomUUID(), at: datetime(), actor: $event.actor,
                      actorName: $event.actorName, action: $event.action,
                      entityId: $event.entityId, entityIds: $event.entityIds,
                      before: $event.before, after: $event.after})
RETURN e.id AS id
