// Every relationship of an entity with its properties (for the audit record of a delete or merge).
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
RETURN startNode(r).id AS from, type(r) AS type, endNode(r).id AS to, properties(r) AS properties
ORDER BY from, type, to
