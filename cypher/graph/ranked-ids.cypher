// The ids of the $limit best-connected entities of the types in $types (all when empty), and how
// many there are in all: the scope of a whole-graph export.
MATCH (n:Entity)
WHERE size($types) = 0 OR any(l IN labels(n) WHERE l IN $types)
WITH n, COUNT { (n)--(:Entity) } AS degree
ORDER BY degree DESC, n.id
WITH collect(n.id) AS ids
RETURN size(ids) AS total, ids[0..$limit] AS ids
