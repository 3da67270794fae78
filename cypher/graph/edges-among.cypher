// The relationships with both ends in $ids, of the whitelisted types in $rels (all when empty).
// Types are compared as values: no identifier is spliced into the statement.
UNWIND $ids AS fromId
MATCH (a:Entity {id: fromId})-[r]->(b:Entity)
WHERE b.id IN $ids
  AND (size($rels) = 0 OR type(r) IN $rels)
RETURN a.id AS source, b.id AS target, type(r) AS type, coalesce(r.sources, []) AS sources
ORDER BY source, type, target
