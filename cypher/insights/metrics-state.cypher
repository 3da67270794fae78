// Whether the network measures were ever computed, and whether there is anything to compute.
OPTIONAL MATCH (m:GraphMetrics {id: 'metrics'})
RETURN m.computedAt AS computedAt, COUNT { (:Entity) } AS entities
