// Undo of a delete: relationships created again between entities that are there, each with its
// properties as stored, provenance and version included (types whitelisted in
// delete-undo-plan.ts). One row per relationship created, with both ends named.
UNWIND $relationships AS rel
MATCH (a:Entity {id: rel.from})
MATCH (b:Entity {id: rel.to})
CREATE (a)-[r:$(rel.type)]->(b)
SET r = rel.properties
// A lock flag recorded before locks stopped leaving one is not a property to bring back.
REMOVE r._lock
RETURN rel.from AS from, type(r) AS type, rel.to AS to, coalesce(a.name, a.id) AS fromLabel,
       coalesce(b.name, b.id) AS toLabel, properties(r) AS properties
