// Relationship delete, before it goes: what an exact restore needs besides its state
// (server/curation/delete-undo-plan.ts). Every property as stored, the Neo4j type of each one
// JSON would blur ($jsonSafe lists the types it keeps), and the types of both ends. The type is
// whitelisted.
MATCH (a:Entity {id: $from})-[r:$($type)]->(b:Entity {id: $to})
RETURN properties(r) AS properties,
       [p IN keys(r) WHERE NOT valueType(r[p]) IN $jsonSafe | [p, valueType(r[p])]] AS propertyTypes,
       [l IN labels(a) WHERE l <> 'Entity'][0] AS fromType,
       [l IN labels(b) WHERE l <> 'Entity'][0] AS toType
