// An entity's properties, type and relationship counts by type. Its network measures are stored
// only when their values change, so `metricsComputedAt` on the node is when they last changed;
// they hold as of the latest computation (GraphMetrics), and that is the time shown, the one the
// insight answers give (an entity unchanged since 4 Dec read "computed 4 Dec" beside a list
// "computed 5 Dec" of the same values).
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (metrics:GraphMetrics {id: 'metrics'})
OPTIONAL MATCH (n)-[r]-(:Entity)
WITH n, metrics, type(r) AS relType, count(r) AS relCount
RETURN n {.*,
          // The later of the two: a recompute writes its entities before its bookkeeping node.
          metricsComputedAt: CASE
            WHEN n.metricsComputedAt IS NULL THEN null
            WHEN metrics.computedAt > n.metricsComputedAt THEN metrics.computedAt
            ELSE n.metricsComputedAt END} AS node,
       [l IN labels(n) WHERE l <> 'Entity'][0] AS type,
       collect(CASE WHEN relType IS NULL THEN null ELSE {type: relType, count: relCount} END) AS degree
