// Stores the network measures of the entities whose values changed, with the time they were
// computed. Entities whose measures did not change are not in $rows and stay untouched. Only by
// the recompute still holding the claim ($token, metrics-claim-recompute.cypher): `claimed` false
// and nothing written once another took it over. The claim is locked first, so no takeover can
// commit between the check and this batch's commit; and a batch says the recompute still runs.
OPTIONAL MATCH (claim:MetricsRecomputing {id: 'metrics'})
FOREACH (c IN CASE WHEN claim IS NULL THEN [] ELSE [claim] END | SET c._lock = true REMOVE c._lock)
WITH claim, claim IS NOT NULL AND claim.token = $token AS claimed
FOREACH (c IN CASE WHEN claimed THEN [claim] ELSE [] END | SET c.heartbeatAt = datetime())
WITH claimed
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
