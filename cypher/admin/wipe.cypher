// Test and reset use only: removes the graph's data but keeps the schema and its version.
MATCH (n)
WHERE NOT n:SchemaVersion
DETACH DELETE n
