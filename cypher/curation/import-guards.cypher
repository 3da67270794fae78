// For an import: what editors decided about the facts it states — properties an editor set on
// its entities and relationships (with their current values), and entities or relationships an
// editor deleted. The seek hints keep the lookups per row whatever the statistics: planned on an
// empty or young database, the planner scanned the whole id index once per row instead.
CALL () {
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  USING INDEX SEEK n:Entity(id)
  WHERE size(coalesce(n.editedProperties, [])) > 0
  RETURN collect({id: n.id, edited: n.editedProperties, node: n {.*}}) AS edited
}
CALL () {
  UNWIND $relationships AS rel
  MATCH (a:Entity {id: rel.from})-[r]->(b:Entity {id: rel.to})
  USING INDEX SEEK a:Entity(id)
  USING INDEX SEEK b:Entity(id)
  WHERE type(r) = rel.type AND size(coalesce(r.editedProperties, [])) > 0
  RETURN collect({key: rel.key, edited: r.editedProperties, properties: properties(r)})
         AS editedRelationships
}
CALL () {
  UNWIND $keys AS key
  MATCH (t:Tombstone {key: key})
  USING INDEX SEEK t:Tombstone(key)
  RETURN collect(t.key) AS tombstones
}
RETURN edited, editedRelationships, tombstones
