// The type of each of the given entities (missing ones are absent), each locked until commit: a
// relationship or an annotation about to name it cannot lose it to a delete committing between
// this check and the write (a delete takes its annotations; one created meanwhile outlived it).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n._lock = true
REMOVE n._lock
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type
