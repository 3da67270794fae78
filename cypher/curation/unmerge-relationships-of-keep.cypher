// Undo, step 2: the relationships that moved to the kept entity alone leave it; those it had
// too get back the properties and provenance of its own version, as before the merge.
CALL () {
  UNWIND $moved AS key
  MATCH (:Entity {id: key.from})-[r:$(key.type)]->(:Entity {id: key.to})
  DELETE r
  RETURN count(*) AS deleted
}
CALL () {
  UNWIND $shared AS rel
  MATCH (:Entity {id: rel.from})-[r:$(rel.type)]->(:Entity {id: rel.to})
  SET r = rel.properties
  // A lock flag recorded before locks stopped leaving one is not a property to bring back.
  REMOVE r._lock
  RETURN count(*) AS restored
}
RETURN deleted, restored
