// Stores the network measures of the entities whose values changed, with the time they were
// computed. Entities whose measures did not change are not in $rows and stay untouched.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.degree = toInteger(row.degree),
    n.betweenness = toFloat(row.betweenness),
    n.pagerank = toFloat(row.pagerank),
    n.community = toInteger(row.community),
    n.metricsComputedAt = datetime($computedAt)
RETURN count(n) AS written
