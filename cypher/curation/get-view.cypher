// One saved view.
MATCH (v:SavedView {id: $id})
RETURN v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt)} AS view
