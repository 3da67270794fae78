// Where merged-away ids lead, one step: for each id no entity holds, the id its Redirect names and
// whether an entity holds that one. A merge re-points the redirects to the entity it removes, so
// one step is the rule; server/curation/merged-ids.ts follows a longer chain older data left.
UNWIND $ids AS id
MATCH (r:Redirect {from: id})
WHERE NOT EXISTS { MATCH (:Entity {id: id}) }
RETURN id, r.to AS to, EXISTS { MATCH (:Entity {id: r.to}) } AS found
