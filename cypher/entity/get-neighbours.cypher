// An entity's neighbours, at most $limit, for the details panel: taken in turn from each kind of
// relationship (type and direction), first by name, so that a DPG deployed in 241 countries still
// lists its owner and where it is developed, not 100 countries. Answered in relationship, then
// name order; query/neighbour-summary counts every kind in full.
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
WITH type(r) AS relationship,
     CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
     coalesce(m.name, m.id) AS label, r, m
ORDER BY relationship, direction, label, m.id
// No kind gives more than $limit, so a hub's ten thousand relationships are not unwound.
WITH relationship, direction, collect({r: r, m: m, label: label})[0..$limit] AS kind
UNWIND range(0, size(kind) - 1) AS turn
WITH relationship, direction, turn, kind[turn] AS x
ORDER BY turn, relationship, direction
LIMIT $limit
WITH relationship, direction, x.r AS r, x.m AS m, x.label AS label
RETURN m.id AS id,
       label,
       [l IN labels(m) WHERE l <> 'Entity'][0] AS type,
       m.kind AS kind,
       relationship,
       direction,
       coalesce(r.sources, []) AS sources,
       coalesce(r.evidence, []) AS evidence,
       r.role AS role, r.startDate AS startDate, r.endDate AS endDate, r.notes AS notes,
       r.sourceUrl AS sourceUrl
ORDER BY relationship, direction, label, id
