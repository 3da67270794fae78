// The one bookkeeping node of the network measures: when they were last computed and over what.
// Not an Entity, so it never appears in exploration.
MERGE (m:GraphMetrics {id: 'metrics'})
SET m.computedAt = datetime($computedAt),
    m.nodeCount = toInteger($summary.nodeCount),
    m.edgeCount = toInteger($summary.edgeCount),
    m.relationshipCount = toInteger($summary.relationshipCount),
    m.communityCount = toInteger($summary.communityCount),
    m.modularity = $summary.modularity,
    m.changedNodes = toInteger($summary.changedNodes),
    m.durationMs = toInteger($summary.durationMs)
RETURN m.computedAt AS computedAt
