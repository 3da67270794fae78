// Whether the network measures were ever computed, whether the graph changed since (a change
// whose transaction committed but whose recompute never ran: an import killed in between, an
// editor's edit), whether the sector profiles were stored with them (not by versions before
// write-sector-profiles.cypher), how long the last computation took, and whether there is anything
// to compute.
OPTIONAL MATCH (m:GraphMetrics {id: 'metrics'})
RETURN m.computedAt AS computedAt,
       m.graphVersion IS NOT NULL AND m.graphVersion <> coalesce(m.measuredVersion, '') AS stale,
       m.profileSectors IS NOT NULL AS profiled,
       m.durationMs AS durationMs,
       COUNT { (:Entity) } AS entities
