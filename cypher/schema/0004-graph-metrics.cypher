// The network measures' bookkeeping node is one per graph: every import and every editor's
// structural change MERGEs it to mark the measures stale, and concurrent first MERGEs without a
// constraint could each create one.
CREATE CONSTRAINT graph_metrics_id IF NOT EXISTS FOR (n:GraphMetrics) REQUIRE n.id IS UNIQUE;
