// $query is built by search-query.ts from escaped terms: user text is never Lucene syntax.
CALL db.index.fulltext.queryNodes('entity_text', $query) YIELD node, score
RETURN node.id AS id,
       coalesce(node.name, node.id) AS label,
       [l IN labels(node) WHERE l <> 'Entity'][0] AS type,
       node.kind AS kind,
       score,
       node.description AS description,
       coalesce(node.aliases, []) AS aliases
ORDER BY score DESC, label
LIMIT $limit
