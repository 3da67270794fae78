// An editor states again what was deleted: the tombstone goes. (Not a merged-away id: creating
// an entity refuses one, and its Redirect stays.)
OPTIONAL MATCH (t:Tombstone {key: $key})
DETACH DELETE t
RETURN count(*) AS cleared
