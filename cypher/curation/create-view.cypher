// A saved view (entities, filters, layout, positions as JSON) owned by its creator.
CREATE (v:SavedView {id: randomUUID(), name: $v.name, owner: $v.owner, ownerName: $v.ownerName,
                     state: $v.state, createdAt: datetime(), updatedAt: datetime(), version: 1})
RETURN v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt)} AS view
