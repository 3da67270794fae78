// The one bookkeeping node of the network measures: when they were last computed, over what, and
// the graph version they were computed from ($measuredVersion, read before the graph; null when no
// change was ever marked). Not an Entity, so it never appears in exploration.
MERGE (m:GraphMetrics {id: 'metrics'})
SET m.computedAt = datetime($computedAt),
    m.nodeCount = toInteger($summary.nodeCount),
    m.edgeCount = toInteger($summary.edgeCount),
    m.relationshipCount = toInteger($summary.relationshipCount),
    m.communityCount = toInteger($summary.communityCount),
    m.modularity = $summary.modularity,
    m.changedNodes = toInteger($summary.changedNodes),
    m.durationMs = toInteger($summary.durationMs),
    m.measuredVersion = $measuredVersion,
    // The database's own clock: the refresher's rest is measured against it (metrics-state.cypher),
    // whatever the app's clock or an injected $computedAt says.
    m.finishedAt = datetime()
// No recompute is recorded as running any more: this one's record goes, and any other's (one that
// died, or at worst one still running elsewhere, which a refresher may then repeat).
WITH m
OPTIONAL MATCH (r:MetricsRecomputing)
DELETE r
RETURN DISTINCT m.computedAt AS computedAt
