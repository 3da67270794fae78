// For an import: the ids among those it states that were merged into another entity.
UNWIND $ids AS id
MATCH (r:Redirect {from: id})
USING INDEX SEEK r:Redirect(from)
RETURN r.from AS from, r.to AS to
