// For an import: what editors decided about the facts it states — properties an editor set on
// its entities (with their current values), and entities or relationships an editor deleted.
CALL () {
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  WHERE size(coalesce(n.editedProperties, [])) > 0
  RETURN collect({id: n.id, edited: n.editedProperties, node: n {.*}}) AS edited
}
CALL () {
  UNWIND $keys AS key
  MATCH (t:Tombstone {key: key})
  RETURN collect(t.key) AS tombstones
}
RETURN edited, tombstones
