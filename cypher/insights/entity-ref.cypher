// One entity's id, name, type and kind, to check that an id names what a route expects.
MATCH (n:Entity {id: $id})
RETURN n.id AS id, coalesce(n.name, n.id) AS label,
       [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n.kind AS kind
