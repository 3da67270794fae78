// What the relationships among the entities $members names (a map whose keys are their ids) state
// besides their ends and type, of the whitelisted types in $rels (all when empty): the evidence each
// source gives, in the order of `sources`, and the properties an import or an editor stated.
// Exports read it, the API's and the canvas's; the graph endpoints do not: evidence is most of a
// relationship's bytes, and the canvas never shows it.
// Types are compared as values: no identifier is spliced into the statement. Each relationship is
// walked from its start node only, so it is found once; its far end is looked up in the map (a key
// lookup is next to nothing, where `x IN $list` cost ~1 µs a test, as in edges-among).
UNWIND keys($members) AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE $members[b.id] AND (size($rels) = 0 OR type(r) IN $rels)
RETURN a.id AS source, type(r) AS type, b.id AS target,
       coalesce(r.sources, []) AS sources, coalesce(r.evidence, []) AS evidence,
       r.role AS role, r.startDate AS startDate, r.endDate AS endDate, r.board AS board,
       r.notes AS notes, r.sourceUrl AS sourceUrl
ORDER BY source, type, target
