// Every relationship of an entity with its properties and both ends' names (for the audit record
// of a delete or merge).
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
WITH startNode(r) AS a, r, endNode(r) AS b
RETURN a.id AS from, type(r) AS type, b.id AS to, coalesce(a.name, a.id) AS fromLabel,
       coalesce(b.name, b.id) AS toLabel, properties(r) AS properties
ORDER BY from, type, to
