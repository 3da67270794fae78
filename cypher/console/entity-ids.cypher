// The Cypher console: the entity ids of nodes known by element id (the ends of relationships a
// console query returned without their nodes), so the explorer can draw them. Nodes that are not
// entities are absent.
UNWIND $elementIds AS wanted
MATCH (n:Entity)
WHERE elementId(n) = wanted
RETURN wanted AS elementId, n.id AS id
