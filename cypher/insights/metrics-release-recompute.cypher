// A recompute that failed gives its claim up, so the next one need not wait out the lease. Only
// its own: a claim taken over meanwhile belongs to another.
MATCH (r:MetricsRecomputing {id: 'metrics', token: $token})
DELETE r
