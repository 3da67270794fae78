// Deletes an entity with its relationships and leaves a tombstone, so re-importing a source that
// states it does not bring it back (the import report lists the conflict instead).
MATCH (n:Entity {id: $id})
DETACH DELETE n
MERGE (t:Tombstone {key: $id})
SET t.kind = 'entity', t.actor = $editor.userId, t.at = datetime()
RETURN $id AS id
