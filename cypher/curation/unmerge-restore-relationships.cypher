// Undo, step 4: every relationship the removed entity had, created again with its own properties
// and provenance (types whitelisted in merge-undo-plan.ts).
UNWIND $relationships AS rel
MATCH (a:Entity {id: rel.from})
MATCH (b:Entity {id: rel.to})
CREATE (a)-[r:$(rel.type)]->(b)
SET r = rel.properties
// A lock flag recorded before locks stopped leaving one is not a property to bring back.
REMOVE r._lock
RETURN count(r) AS created
