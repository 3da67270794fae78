// The merge's audit event remembers the undo that undid it, so it is not undone twice.
MATCH (e:AuditEvent {id: $id})
SET e.undoneBy = $undoneBy, e.undoneAt = datetime()
RETURN e.id AS id
