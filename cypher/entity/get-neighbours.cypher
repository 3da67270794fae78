MATCH (n:Entity {id: $id})-[r]-(m:Entity)
RETURN m.id AS id,
       coalesce(m.name, m.id) AS label,
       [l IN labels(m) WHERE l <> 'Entity'][0] AS type,
       m.kind AS kind,
       type(r) AS relationship,
       CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
       coalesce(r.sources, []) AS sources,
       coalesce(r.evidence, []) AS evidence,
       r.role AS role, r.startDate AS startDate, r.endDate AS endDate
ORDER BY relationship, label
LIMIT $limit
