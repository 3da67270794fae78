// An entity's neighbours counted by (relationship type, direction, type of the neighbour): each
// neighbour once per kind, as the details panel lists them, so a second relationship of the same
// kind to the same entity (a duplicate an edit or an import left) is not one more left unlisted.
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
WITH type(r) AS relationship,
     CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
     [l IN labels(m) WHERE l <> 'Entity'][0] AS type, m
RETURN relationship, direction, type, count(DISTINCT m) AS count
ORDER BY count DESC, relationship, direction, type
