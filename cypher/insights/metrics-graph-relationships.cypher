// Every relationship between entities as an id pair, one row each (see
// metrics-graph-entities.cypher, read in the same transaction).
MATCH (a:Entity)-[]->(b:Entity)
RETURN a.id AS source, b.id AS target
