// Stores the network measures of the entities whose values changed, with the time they were
// computed. Entities whose measures did not change are not in $rows and stay untouched. Only by
// the recompute still holding the claim ($token, metrics-claim-recompute.cypher): `claimed` false
// and nothing written once another took it over.
OPTIONAL MATCH (claim:MetricsRecomputing {id: 'metrics', token: $token})
WITH claim IS NOT NULL AS claimed
// In a subquery: its count is one row even when no entity matched (all deleted meanwhile).
CALL (claimed) {
  UNWIND CASE WHEN claimed THEN $rows ELSE [] END AS row
  MATCH (n:Entity {id: row.id})
  SET n.degree = toInteger(row.degree),
      n.betweenness = toFloat(row.betweenness),
      n.pagerank = toFloat(row.pagerank),
      n.community = toInteger(row.community),
      n.metricsComputedAt = datetime($computedAt)
  RETURN count(n) AS written
}
RETURN claimed, written
