// Records that a recompute of the network measures is running ($running: true) or no longer is,
// committed on its own before the recompute reads the graph (and cleared by
// write-graph-metrics.cypher when it records its result), so that the refresher of every app
// instance leaves the graph to it rather than start the same work again (metrics-refresher.ts). A
// node of its own, not the GraphMetrics node: an editor's transaction holding that one until it
// commits must not hold up this record, or the recompute behind it.
MERGE (r:MetricsRecomputing {id: 'metrics'})
SET r.since = datetime()
WITH r
WHERE NOT $running
DELETE r
