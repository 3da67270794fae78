// The one bookkeeping node of the network measures: when they were last computed, over what, and
// the graph version they were computed from ($measuredVersion, read before the graph; null when no
// change was ever marked). Not an Entity, so it never appears in exploration. Only by the
// recompute that still holds the claim ($token, metrics-claim-recompute.cypher): one whose claim
// was taken over writes nothing, so it never records a graph another recompute is writing.
// The claim is locked before its token is read: no takeover commits in between.
MATCH (claim:MetricsRecomputing {id: 'metrics'})
SET claim._lock = true
REMOVE claim._lock
WITH claim
WHERE claim.token = $token
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
// The claim is given up with the result (its token goes; the node stays, see
// metrics-claim-recompute.cypher).
WITH m, claim
REMOVE claim.token
RETURN m.computedAt AS computedAt
