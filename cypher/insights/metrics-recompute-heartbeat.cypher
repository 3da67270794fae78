// The recompute holding $token says it still runs (metrics-claim-recompute.cypher); `held` is 0
// when its claim was taken over after it went quiet for the lease, and it must stop writing.
OPTIONAL MATCH (r:MetricsRecomputing {id: 'metrics', token: $token})
SET r.heartbeatAt = datetime()
RETURN count(r) AS held
