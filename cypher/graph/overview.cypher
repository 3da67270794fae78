// The ids of the best-connected $limit entities, with the totals, so the client can say "showing
// 200 of 1,340". The caller reads their element data (nodes-by-ids) and the relationships among
// them (edges-among) in the same transaction: matching edges against an id parameter is a hashed
// lookup, where testing membership in a list built inside the statement was quadratic.
MATCH (n:Entity)
WITH n, COUNT { (n)--(:Entity) } AS degree
ORDER BY degree DESC, n.id
WITH collect(n.id) AS ranked
RETURN size(ranked) AS totalNodes,
       COUNT { (:Entity)-[]->(:Entity) } AS totalEdges,
       ranked[0..$limit] AS ids
