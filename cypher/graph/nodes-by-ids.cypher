// The element data of entities by id; ids that name no entity are simply absent.
UNWIND $ids AS wanted
MATCH (n:Entity {id: wanted})
RETURN n.id AS id,
       coalesce(n.name, n.id) AS label,
       [l IN labels(n) WHERE l <> 'Entity'][0] AS type,
       n.kind AS kind,
       n.description AS description,
       COUNT { (n)--(:Entity) } AS degree,
       coalesce(n.sources, []) AS sources
