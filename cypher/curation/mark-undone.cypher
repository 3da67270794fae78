// A merge or delete, undone: its audit event remembers the undo that undid it, so it is not undone
// twice (and the audit feed says so).
MATCH (e:AuditEvent {id: $id})
SET e.undoneBy = $undoneBy, e.undoneAt = datetime()
RETURN e.id AS id
