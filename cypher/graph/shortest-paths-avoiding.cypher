// shortest-paths.cypher, through no entity of the types in $avoid and no organisation of the kinds
// in $avoidKinds but the end itself (either list may be empty): the path finder with countries
// hidden looks for partnerships, not for two DPGs deployed in one country, and one with companies
// hidden not for a path through Google. An organisation without a kind (one an editor added
// unclassified) counts as `unknown`, as the filters and facets count it. A statement of its own, so
// the common one stays inside the driver's 1,400-byte write (the predicate on every hop of six
// branches would take it past); tests/unit/cypher-statement-text.test.ts checks that the two differ
// by that predicate alone.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
CALL (a, b) {
  WITH * WHERE $maxHops = 1
  MATCH p = SHORTEST 10 (a)(()-[r]-(m:Entity) WHERE (size($rels) = 0 OR type(r) IN $rels) AND (m = b OR (none(l IN labels(m) WHERE l IN $avoid) AND NOT (m:Organisation AND coalesce(m.kind, 'unknown') IN $avoidKinds)))){1,1}(b)
  RETURN p
  UNION ALL
  WITH * WHERE $maxHops = 2
  MATCH p = SHORTEST 10 (a)(()-[r]-(m:Entity) WHERE (size($rels) = 0 OR type(r) IN $rels) AND (m = b OR (none(l IN labels(m) WHERE l IN $avoid) AND NOT (m:Organisation AND coalesce(m.kind, 'unknown') IN $avoidKinds)))){1,2}(b)
  RETURN p
  UNION ALL
  WITH * WHERE $maxHops = 3
  MATCH p = SHORTEST 10 (a)(()-[r]-(m:Entity) WHERE (size($rels) = 0 OR type(r) IN $rels) AND (m = b OR (none(l IN labels(m) WHERE l IN $avoid) AND NOT (m:Organisation AND coalesce(m.kind, 'unknown') IN $avoidKinds)))){1,3}(b)
  RETURN p
  UNION ALL
  WITH * WHERE $maxHops = 4
  MATCH p = SHORTEST 10 (a)(()-[r]-(m:Entity) WHERE (size($rels) = 0 OR type(r) IN $rels) AND (m = b OR (none(l IN labels(m) WHERE l IN $avoid) AND NOT (m:Organisation AND coalesce(m.kind, 'unknown') IN $avoidKinds)))){1,4}(b)
  RETURN p
  UNION ALL
  WITH * WHERE $maxHops = 5
  MATCH p = SHORTEST 10 (a)(()-[r]-(m:Entity) WHERE (size($rels) = 0 OR type(r) IN $rels) AND (m = b OR (none(l IN labels(m) WHERE l IN $avoid) AND NOT (m:Organisation AND coalesce(m.kind, 'unknown') IN $avoidKinds)))){1,5}(b)
  RETURN p
  UNION ALL
  WITH * WHERE $maxHops = 6
  MATCH p = SHORTEST 10 (a)(()-[r]-(m:Entity) WHERE (size($rels) = 0 OR type(r) IN $rels) AND (m = b OR (none(l IN labels(m) WHERE l IN $avoid) AND NOT (m:Organisation AND coalesce(m.kind, 'unknown') IN $avoidKinds)))){1,6}(b)
  RETURN p
}
WITH p
WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH p, [n IN nodes(p) | n.id] AS nodeIds
ORDER BY length(p), size([n IN nodes(p) WHERE n:SDG OR n:Country]), nodeIds
RETURN nodeIds,
       // Its role and dates are said in the path's sentence: "UNICEF funds X (core funder)".
       [r IN relationships(p) | r {.sources, .role, .startDate, .endDate,
                                   source: startNode(r).id, target: endNode(r).id, type: type(r)}]
         AS edges
