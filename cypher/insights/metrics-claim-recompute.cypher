// Claims the one right to recompute the network measures for the recompute holding $token. Two
// at once (two imports, two app instances) would interleave their batches, and the one finishing
// last would record as measured a graph holding the other's older values. The claim is free when
// nobody holds it or its holder stopped saying it runs (no heartbeat for $leaseSeconds: it died).
// A node of its own, not the GraphMetrics node: an editor's transaction holding that one until it
// commits must not hold up the claim. Unique by id (schema 0006): two first claims cannot both
// create one.
MERGE (r:MetricsRecomputing {id: 'metrics'})
  ON CREATE SET r.token = $token, r.since = datetime(), r.heartbeatAt = datetime()
WITH r,
     coalesce(r.token, '') = $token AS ours,
     coalesce(r.heartbeatAt, r.since, datetime('1970-01-01T00:00Z'))
       < datetime() - duration({seconds: $leaseSeconds}) AS expired
FOREACH (_ IN CASE WHEN NOT ours AND expired THEN [1] ELSE [] END |
  SET r.token = $token, r.since = datetime(), r.heartbeatAt = datetime())
RETURN ours OR expired AS claimed
