// As retract-relationships, for entities. A node no source states any more has no relationship
// left from any source either (every source that links a node also states it). Those an editor
// states stay, and are listed (editorKept) for the import report.
MATCH (n:Entity)
WHERE $sourceId IN n.sources AND NOT n.id IN $ids
WITH n, [i IN range(0, size(n.sources) - 1) WHERE n.sources[i] <> $sourceId] AS keep
SET n.evidence = [i IN keep | n.evidence[i]], n.sources = [i IN keep | n.sources[i]]
WITH n, n.id AS id, size(n.sources) = 0 AS orphan,
     any(s IN n.sources WHERE s STARTS WITH 'source:editor:') AS editorStated
FOREACH (_ IN CASE WHEN orphan THEN [1] ELSE [] END | DETACH DELETE n)
RETURN count(*) AS retracted, sum(CASE WHEN orphan THEN 1 ELSE 0 END) AS removed,
       collect(CASE WHEN editorStated THEN id END) AS editorKept
