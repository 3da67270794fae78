// Run inside every transaction that changes which entities or relationships exist (an import's
// write, an editor's create, delete or merge): names the change with a fresh random version on
// the measures' bookkeeping node, so it commits or rolls back with the change itself. The stored
// measures are stale until a recompute that read this version records it as measured. A random
// value rather than a counter: setting it reads nothing, so concurrent writers cannot lose an
// update, and no later write can ever restore a version a recompute has already recorded.
MERGE (m:GraphMetrics {id: 'metrics'})
SET m.graphVersion = randomUUID()
