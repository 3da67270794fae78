// The whole entity graph for the network measures: every entity with the measures stored on it
// now (null before the first computation), and every relationship between entities as an id pair.
CALL () {
  MATCH (n:Entity)
  RETURN collect({
    id: n.id,
    degree: n.degree,
    betweenness: n.betweenness,
    pagerank: n.pagerank,
    community: n.community
  }) AS nodes
}
CALL () {
  MATCH (a:Entity)-[]->(b:Entity)
  RETURN collect([a.id, b.id]) AS edges
}
RETURN nodes, edges
