// Whether the network measures were ever computed, whether the graph changed since (a change
// whose transaction committed but whose recompute never ran: an import killed in between, an
// editor's edit), whether the sector profiles were stored with them (not by versions before
// write-sector-profiles.cypher), how long the last computation took and how many milliseconds
// ago it was made, how many seconds ago a running one last said it runs (null: none claimed; see
// metrics-claim-recompute.cypher) and whether that is within its lease,
// and whether there is anything to compute.
OPTIONAL MATCH (m:GraphMetrics {id: 'metrics'})
// A claim without a token was given up: nobody runs.
OPTIONAL MATCH (r:MetricsRecomputing {id: 'metrics'}) WHERE r.token IS NOT NULL
WITH m, r, coalesce(r.heartbeatAt, r.since) AS heardAt
RETURN m.computedAt AS computedAt,
       m.graphVersion IS NOT NULL AND m.graphVersion <> coalesce(m.measuredVersion, '') AS stale,
       m.profileSectors IS NOT NULL AS profiled,
       m.durationMs AS durationMs,
       CASE WHEN m.finishedAt IS NOT NULL
            THEN duration.inSeconds(m.finishedAt, datetime()).milliseconds END AS computedMsAgo,
       CASE WHEN heardAt IS NOT NULL
            THEN duration.inSeconds(heardAt, datetime()).seconds END AS recomputeQuietSeconds,
       // Within the lease its holder claimed with: running, not dead.
       heardAt IS NOT NULL
         AND heardAt >= datetime() - duration({seconds: coalesce(r.leaseSeconds, 60)}) AS recomputeRunning,
       COUNT { (:Entity) } AS entities
