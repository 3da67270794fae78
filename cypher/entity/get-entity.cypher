MATCH (n:Entity {id: $id})
OPTIONAL MATCH (n)-[r]-(:Entity)
WITH n, type(r) AS relType, count(r) AS relCount
RETURN n {.*} AS node,
       [l IN labels(n) WHERE l <> 'Entity'][0] AS type,
       collect(CASE WHEN relType IS NULL THEN null ELSE {type: relType, count: relCount} END) AS degree
