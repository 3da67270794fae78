// The version of the last change to the entity graph (metrics-mark-stale.cypher), read by a
// recompute before it reads the graph: a change committed after this read gets a new version, so
// the measures computed here are never recorded as covering it.
OPTIONAL MATCH (m:GraphMetrics {id: 'metrics'})
RETURN m.graphVersion AS version
