// Applies a change to a locked saved view and moves its version on.
MATCH (v:SavedView {id: $id})
SET v += $changes, v.updatedAt = datetime(), v.version = v.version + 1
REMOVE v._lock
RETURN v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt)} AS view
