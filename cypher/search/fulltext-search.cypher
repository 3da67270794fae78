// $query is built by search-query.ts from escaped terms: user text is never Lucene syntax.
// $nameQuery and $aliasQuery are the same terms confined to the name and to the aliases; an entity
// they find in entity_text is also found by $query, so there they only rank. $foldedNameQuery and
// $foldedAliasQuery, the same without English stop words (which that index drops), are asked of
// entity_names_folded, which keeps names without their accents: an entity found only there
// ("sante" for SantéMPI) is a match by its name alone.
// $types (whitelisted entity types, compared as values) filters before paging, so every page is
// full and `total` counts what matches. Every match is ranked and counted, but only the page's
// matches are read whole (descriptions and aliases are long).
CALL {
  CALL db.index.fulltext.queryNodes('entity_text', $query) YIELD node, score
  RETURN node, score, 0.0 AS named, 1 AS direct, null AS via
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_text', $nameQuery) YIELD node, score
  RETURN node, 0.0 AS score, score AS named, 1 AS direct, null AS via
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_text', $aliasQuery) YIELD node, score
  RETURN node, 0.0 AS score, score AS named, 1 AS direct, null AS via
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_names_folded', $foldedNameQuery) YIELD node, score
  RETURN node, 0.0 AS score, score AS named, 1 AS direct, null AS via
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_names_folded', $foldedAliasQuery) YIELD node, score
  RETURN node, 0.0 AS score, score AS named, 1 AS direct, null AS via
  UNION ALL
  // What was typed, when it is an entity's id ($id, null otherwise): pasted from a link, it is
  // split into words no name holds, and its entity was not found at all.
  MATCH (node:Entity {id: $id})
  RETURN node, 1.0 AS score, 0.0 AS named, 1 AS direct, null AS via
  UNION ALL
  // What is related to an entity some of the words name exactly, and matches the other words
  // ($related, search-query.ts relatedScopes: "unicef ai" finds the Community of Practice on AI
  // that UNICEF co-leads, whose text never names UNICEF). The name is looked up as a phrase and
  // kept only when it is the whole name or an alias; a relationship between them says why.
  UNWIND $related AS scope
  CALL db.index.fulltext.queryNodes('entity_names_folded', scope.anchorQuery) YIELD node AS anchor
  WITH scope, anchor
  WHERE toLower(anchor.name) IN scope.names
     OR any(a IN coalesce(anchor.aliases, []) WHERE toLower(a) IN scope.names)
  CALL (scope, anchor) {
    CALL db.index.fulltext.queryNodes('entity_text', scope.query) YIELD node, score
    RETURN node, score, 0.0 AS named
    UNION ALL
    CALL db.index.fulltext.queryNodes('entity_text', scope.nameQuery) YIELD node, score
    RETURN node, 0.0 AS score, score AS named
  }
  // The same one each time, where two relate them (X-Road is deployed and developed in Estonia):
  // the first found changed with the store's layout.
  CALL (anchor, node) {
    MATCH (anchor)-[r]-(node)
    WHERE node <> anchor
    RETURN r
    ORDER BY type(r), startNode(r) = anchor DESC
    LIMIT 1
  }
  WITH scope, anchor, collect({node: node, score: score, named: named,
         via: {name: coalesce(anchor.name, anchor.id), type: type(r),
               fromAnchor: startNode(r) = anchor}}) AS found
  // Then the named entity itself, after everything that matches ("health kenya": Kenya, after the
  // health DPGs deployed there), which it does not (Kenya's text never says health): the reader
  // who typed its name may want it too. Only with something found through it, or it alone would
  // stand for every word and keep the search from matching some of them ("agriculture kenya").
  // No `via`: found through another entity named too ("x-road estonia"), it keeps what that says.
  UNWIND found + [{node: anchor, score: 0.000001, named: 0.0, via: null}] AS hit
  RETURN hit.node AS node, hit.score AS score, hit.named AS named, 0 AS direct, hit.via AS via
}
// `named`: how well the name or the aliases match what was typed, the better of the two rather
// than their sum, or a fund whose name and alias both repeat its organisation's name outranks it
// ("UNICEF Venture Fund", also known as the "UNICEF Innovation Fund").
WITH node, max(score) AS score, max(named) AS named,
     CASE WHEN max(direct) = 0 THEN collect(via)[0] END AS via
WHERE (score > 0 OR named > 0) AND (size($types) = 0 OR any(l IN labels(node) WHERE l IN $types))
// An entity named exactly what was typed, by its name or an alias, comes first ("unicef": UNICEF
// before the UNICEF Venture Fund; "mosip": the DPG also known as MOSIP and its maker, better
// connected first); then entities whose name or an alias matches, closest first, so that a typo or a prefix
// of a name ("unicfe", "kazak") finds it above entities whose descriptions merely mention the word,
// however often; the index's score ranks the rest. $exact: what was typed, lower-cased, as typed
// and without the punctuation around it, with and without accents (search-query.ts); an entity
// whose id was typed counts as named exactly.
// A name's score falls with its length, so a goal everyone works towards ("SDG 3: Good Health and
// Well-being", 78 connections) ranked below a dozen two-word names of one connection each for
// "health". Among names, the better connected gain: half the score again per tenfold connections
// (a hundred double it). The degree is the store's own count, current after every edit (the
// stored network measures wait for a recompute), read for name matches only. Names that still
// score alike (a prefix of each and no connections to tell them apart): the shorter, nearer to
// what was typed, goes first.
// (`node.id = $id` is null without an id, and null sorts first in descending order.)
WITH node, score, named, via,
     toLower(coalesce(node.name, node.id)) IN $exact OR coalesce(node.id = $id, false)
       OR any(a IN coalesce(node.aliases, []) WHERE toLower(a) IN $exact) AS exact,
     CASE WHEN named > 0
       THEN named * (1 + 0.5 * log10(1 + COUNT { (node)--() }))
       ELSE 0.0 END AS namedRank
ORDER BY exact DESC, namedRank DESC,
         CASE WHEN named > 0 THEN size(coalesce(node.name, node.id)) END,
         score DESC, coalesce(node.name, node.id), node.id
WITH collect({node: node, score: CASE WHEN score > 0 THEN score ELSE named END, via: via,
                anchor: score = 0.000001 AND named = 0.0}) AS ranked
// A named entity found as nothing else (its score is the 1e-6 given it above) is listed after what
// was found through it, but on the first page ($firstPage, the API's default page) at the latest:
// "health kenya" finds more health DPGs deployed in Kenya than a page holds, and Kenya itself,
// last, was on no page the reader saw. The place does not depend on $offset, so pages never
// repeat or skip a match.
WITH [m IN ranked WHERE NOT m.anchor] AS others, [m IN ranked WHERE m.anchor] AS anchors
WITH others, anchors,
     CASE WHEN $firstPage > size(anchors) THEN $firstPage - size(anchors) ELSE 0 END AS before
WITH others[..before] + anchors + others[before..] AS matches
RETURN size(matches) AS total,
       [m IN matches[$offset..$offset + $limit] | {
         id: m.node.id,
         label: coalesce(m.node.name, m.node.id),
         type: [l IN labels(m.node) WHERE l <> 'Entity'][0],
         kind: m.node.kind,
         score: m.score,
         description: m.node.description,
         aliases: coalesce(m.node.aliases, []),
         via: m.via
       }] AS hits
