// One recompute of the network measures at a time (insights/metrics-claim-recompute.cypher):
// the claim is one node, and without a constraint two first MERGEs at once could each create one.
// Records from before the claim (no token; several possible) hold nothing and go first, or the
// constraint could not be created over duplicates.
MATCH (r:MetricsRecomputing) WHERE r.token IS NULL DELETE r;
CREATE CONSTRAINT metrics_recomputing_id IF NOT EXISTS FOR (n:MetricsRecomputing) REQUIRE n.id IS UNIQUE;
