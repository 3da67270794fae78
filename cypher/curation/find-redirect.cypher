// Where a merged-away id now lives, when no entity has that id any more.
MATCH (r:Redirect {from: $id})
WHERE NOT EXISTS { MATCH (:Entity {id: $id}) }
RETURN r.to AS to
