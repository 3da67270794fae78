// Deletes a relationship and leaves a tombstone keyed `from|TYPE|to`, so a re-import does not
// state it again over the editor's correction.
MATCH (a:Entity {id: $from})-[r:$($type)]->(b:Entity {id: $to})
DELETE r
MERGE (t:Tombstone {key: $key})
SET t.kind = 'relationship', t.actor = $editor.userId, t.at = datetime()
RETURN $key AS key
