// Takes a saved view's write lock, then reads it (see lock-entity).
MATCH (v:SavedView {id: $id})
SET v._lock = true
REMOVE v._lock
WITH v
RETURN v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt)} AS view
