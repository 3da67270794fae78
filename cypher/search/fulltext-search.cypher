// $query is built by search-query.ts from escaped terms: user text is never Lucene syntax.
// $types (whitelisted entity types, compared as values) filters before paging, so every page is
// full and `total` counts what matches. Every match is ranked and counted, but only the page's
// matches are read whole (descriptions and aliases are long).
CALL db.index.fulltext.queryNodes('entity_text', $query) YIELD node, score
WHERE size($types) = 0 OR any(l IN labels(node) WHERE l IN $types)
// An entity named exactly what was typed comes first ("unicef": UNICEF before the UNICEF Venture
// Fund, whose description says UNICEF more often); the index's score ranks the rest. $exact: what
// was typed, lower-cased, as typed and without the punctuation around it (search-query.ts).
WITH node, score, toLower(coalesce(node.name, node.id)) IN $exact AS exact
ORDER BY exact DESC, score DESC, coalesce(node.name, node.id)
WITH collect({node: node, score: score}) AS matches
RETURN size(matches) AS total,
       [m IN matches[$offset..$offset + $limit] | {
         id: m.node.id,
         label: coalesce(m.node.name, m.node.id),
         type: [l IN labels(m.node) WHERE l <> 'Entity'][0],
         kind: m.node.kind,
         score: m.score,
         description: m.node.description,
         aliases: coalesce(m.node.aliases, [])
       }] AS hits
