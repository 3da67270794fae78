// For each entity in $ids: the network measures stored on it (null before the first
// computation), its live degree, and its relationships counted by type, direction and
// neighbour type — a stakeholder's or partner's "other ties".
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WITH type(r) AS relationship,
       CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
       [l IN labels(m) WHERE l <> 'Entity'][0] AS type,
       count(*) AS count
  ORDER BY count DESC, relationship, direction, type
  RETURN collect({relationship: relationship, direction: direction, type: type, count: count}) AS ties
}
RETURN n.id AS id,
       COUNT { (n)--(:Entity) } AS degree,
       n.pagerank AS pagerank,
       n.betweenness AS betweenness,
       n.community AS community,
       ties
