// The network measures at a glance: when and over what they were computed, the $top entities by
// PageRank and by betweenness, and the $top largest communities with their best-ranked members
// and the types they hold.
OPTIONAL MATCH (m:GraphMetrics {id: 'metrics'})
CALL () {
  MATCH (n:Entity)
  WHERE n.pagerank IS NOT NULL
  WITH n ORDER BY n.pagerank DESC, n.id
  LIMIT $top
  RETURN collect(n {
    .id, label: coalesce(n.name, n.id), type: [l IN labels(n) WHERE l <> 'Entity'][0],
    .degree, .betweenness, .pagerank, .community
  }) AS topByPagerank
}
CALL () {
  MATCH (n:Entity)
  WHERE n.betweenness IS NOT NULL
  WITH n ORDER BY n.betweenness DESC, n.id
  LIMIT $top
  RETURN collect(n {
    .id, label: coalesce(n.name, n.id), type: [l IN labels(n) WHERE l <> 'Entity'][0],
    .degree, .betweenness, .pagerank, .community
  }) AS topByBetweenness
}
CALL () {
  MATCH (n:Entity)
  WHERE n.community IS NOT NULL
  WITH n ORDER BY n.pagerank DESC, n.id
  WITH n.community AS community, collect(n) AS members
  ORDER BY size(members) DESC, community
  LIMIT $top
  CALL (members) {
    UNWIND members AS x
    WITH [l IN labels(x) WHERE l <> 'Entity'][0] AS type, count(*) AS count
    ORDER BY count DESC, type
    RETURN collect({type: type, count: count}) AS types
  }
  RETURN collect({
    community: community,
    size: size(members),
    types: types,
    top: [x IN members[0..5] | x {.id, label: coalesce(x.name, x.id),
                                  type: [l IN labels(x) WHERE l <> 'Entity'][0]}]
  }) AS communities
}
RETURN m {.computedAt, .nodeCount, .edgeCount, .relationshipCount, .communityCount, .modularity,
          .durationMs,
          stale: m.graphVersion IS NOT NULL AND m.graphVersion <> coalesce(m.measuredVersion, '')}
         AS metrics,
       topByPagerank, topByBetweenness, communities
