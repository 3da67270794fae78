// An entity's relationships counted by (relationship type, direction, type of the neighbour).
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
WITH type(r) AS relationship,
     CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
     [l IN labels(m) WHERE l <> 'Entity'][0] AS type
RETURN relationship, direction, type, count(*) AS count
ORDER BY count DESC, relationship, direction, type
