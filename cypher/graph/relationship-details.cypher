// What the relationships $edges names (each a {source, type, target}, as edges-among returned them
// in the same transaction) state besides their ends and type: the evidence each source gives, in
// the order of `sources`, and the properties an import or an editor stated. Exports read it, the
// API's and the canvas's; the graph endpoints do not: evidence is most of a relationship's bytes,
// and the canvas never shows it.
// Found from the edges edges-among found, so both always agree on which relationships there are.
// With both ends looked up by id, the relationship is expanded into from the end with fewer
// relationships, so a hub's are never walked. Types are compared as values: no identifier is
// spliced into the statement.
UNWIND $edges AS edge
MATCH (a:Entity {id: edge.source})-[r]->(b:Entity {id: edge.target})
WHERE type(r) = edge.type
RETURN a.id AS source, type(r) AS type, b.id AS target,
       coalesce(r.sources, []) AS sources, coalesce(r.evidence, []) AS evidence,
       r.role AS role, r.startDate AS startDate, r.endDate AS endDate, r.board AS board,
       r.notes AS notes, r.sourceUrl AS sourceUrl
ORDER BY source, type, target
