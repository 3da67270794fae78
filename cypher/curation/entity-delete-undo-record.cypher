// Entity delete, before anything goes: what an exact restore needs besides the entity state and
// its relationships (server/curation/delete-undo-plan.ts). Its labels and every property as
// stored; the Neo4j type of each property JSON would blur ($jsonSafe lists the types it keeps), on
// it and on each of its relationships; and the type of each entity at the other end of one.
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n)-[r]-(:Entity)
  WITH DISTINCT r
  WITH r, [p IN keys(r) WHERE NOT valueType(r[p]) IN $jsonSafe | [p, valueType(r[p])]] AS types
  WHERE size(types) > 0
  RETURN collect([startNode(r).id + '|' + type(r) + '|' + endNode(r).id, types]) AS relationshipTypes
}
CALL (n) {
  MATCH (n)--(m:Entity)
  WHERE m <> n
  WITH DISTINCT m
  RETURN collect([m.id, [l IN labels(m) WHERE l <> 'Entity'][0]]) AS ends
}
RETURN labels(n) AS labels, properties(n) AS node,
       [p IN keys(n) WHERE NOT valueType(n[p]) IN $jsonSafe | [p, valueType(n[p])]] AS propertyTypes,
       relationshipTypes, ends
