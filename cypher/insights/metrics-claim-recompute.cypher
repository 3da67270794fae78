// Claims the one right to recompute the network measures for the recompute holding $token. Two
// at once (two imports, two app instances) would interleave their batches, and the one finishing
// last would record as measured a graph holding the other's older values. The claim is free when
// nobody holds it or its holder stopped saying it runs (no heartbeat for the lease it claimed
// with: it died). Giving it up removes the token and keeps the node. A node of its own, not the GraphMetrics node: an editor's transaction holding
// that one until it commits must not hold up the claim. Unique by id (schema 0006), so two first
// claims cannot both create one; and locked before it is read (the SET of _lock), so two
// claimers of an expired claim cannot both read it as expired and both take it.
MERGE (r:MetricsRecomputing {id: 'metrics'})
SET r._lock = true
REMOVE r._lock
WITH r,
     coalesce(r.token, '') = $token AS ours,
     // Released (no token: the node stays, so no claimer ever holds a node another deletes), or
     // silent past its lease.
     r.token IS NULL
       OR coalesce(r.heartbeatAt, r.since, datetime('1970-01-01T00:00Z'))
          < datetime() - duration({seconds: coalesce(r.leaseSeconds, $leaseSeconds)}) AS free
FOREACH (_ IN CASE WHEN NOT ours AND free THEN [1] ELSE [] END |
  SET r.token = $token, r.since = datetime(), r.heartbeatAt = datetime(),
      r.leaseSeconds = $leaseSeconds)
RETURN ours OR free AS claimed
