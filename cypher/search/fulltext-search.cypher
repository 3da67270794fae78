// $query is built by search-query.ts from escaped terms: user text is never Lucene syntax.
// $types (whitelisted entity types, compared as values) filters before paging, so every page is
// full and `total` counts what matches.
CALL db.index.fulltext.queryNodes('entity_text', $query) YIELD node, score
WHERE size($types) = 0 OR any(l IN labels(node) WHERE l IN $types)
WITH node, score
ORDER BY score DESC, coalesce(node.name, node.id)
WITH collect({
  id: node.id,
  label: coalesce(node.name, node.id),
  type: [l IN labels(node) WHERE l <> 'Entity'][0],
  kind: node.kind,
  score: score,
  description: node.description,
  aliases: coalesce(node.aliases, [])
}) AS hits
RETURN size(hits) AS total, hits[$offset..$offset + $limit] AS hits
