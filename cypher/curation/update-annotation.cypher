// Applies a change to a locked annotation and moves its version on.
MATCH (a:Annotation {id: $id})
SET a += $changes, a.updatedAt = datetime(), a.version = a.version + 1
REMOVE a._lock
RETURN a {.*, createdAt: toString(a.createdAt), updatedAt: toString(a.updatedAt)} AS annotation
