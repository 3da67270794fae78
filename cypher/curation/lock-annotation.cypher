// Takes an annotation's write lock, then reads it (see lock-entity).
MATCH (a:Annotation {id: $id})
SET a._lock = true
WITH a
RETURN a {.*, createdAt: toString(a.createdAt), updatedAt: toString(a.updatedAt)} AS annotation
