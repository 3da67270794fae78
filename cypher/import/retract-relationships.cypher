// A source re-imported without a fact it stated before no longer vouches for it: its entry leaves
// the provenance lists, and a relationship that no source states any more is removed. Those an
// editor states stay, and are listed (editorKept) for the import report.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE $sourceId IN r.sources AND NOT (a.id + '|' + type(r) + '|' + b.id) IN $keys
WITH r, a.id + '|' + type(r) + '|' + b.id AS key,
     [i IN range(0, size(r.sources) - 1) WHERE r.sources[i] <> $sourceId] AS keep
SET r.evidence = [i IN keep | r.evidence[i]], r.sources = [i IN keep | r.sources[i]]
WITH r, key, size(r.sources) = 0 AS orphan,
     any(s IN r.sources WHERE s STARTS WITH 'source:editor:') AS editorStated
FOREACH (_ IN CASE WHEN orphan THEN [1] ELSE [] END | DELETE r)
RETURN count(*) AS retracted, sum(CASE WHEN orphan THEN 1 ELSE 0 END) AS removed,
       collect(CASE WHEN editorStated THEN key END) AS editorKept
