// A recompute that failed gives its claim up, so the next one need not wait out the lease. Only
// its own: a claim taken over meanwhile belongs to another. The node stays (a claimer that read it
// must never hold a node deleted under it), without a token.
MATCH (r:MetricsRecomputing {id: 'metrics', token: $token})
REMOVE r.token
