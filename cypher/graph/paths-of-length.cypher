// Every path of exactly $length relationships (1 to 6) between two entities, by the rules of
// shortest-paths.cypher (entities only, relationships of $rels, no entity twice), the first $limit in
// its order (those through fewer SDGs and countries first, then by node ids): SHORTEST 10 keeps an
// arbitrary few of a length with more paths, so the caller reads that length whole here and
// equal-length paths come in one stable order on every call.
// A quantifier cannot be a parameter: one branch per length, of which only the asked one runs.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
CALL (a, b) {
  WITH * WHERE $length = 1
  MATCH p = SHORTEST 6 GROUPS (a)(()-[r]-(:Entity) WHERE size($rels) = 0 OR type(r) IN $rels){1,1}(b)
  RETURN p
  UNION ALL
  WITH * WHERE $length = 2
  MATCH p = SHORTEST 6 GROUPS (a)(()-[r]-(:Entity) WHERE size($rels) = 0 OR type(r) IN $rels){1,2}(b)
  RETURN p
  UNION ALL
  WITH * WHERE $length = 3
  MATCH p = SHORTEST 6 GROUPS (a)(()-[r]-(:Entity) WHERE size($rels) = 0 OR type(r) IN $rels){1,3}(b)
  RETURN p
  UNION ALL
  WITH * WHERE $length = 4
  MATCH p = SHORTEST 6 GROUPS (a)(()-[r]-(:Entity) WHERE size($rels) = 0 OR type(r) IN $rels){1,4}(b)
  RETURN p
  UNION ALL
  WITH * WHERE $length = 5
  MATCH p = SHORTEST 6 GROUPS (a)(()-[r]-(:Entity) WHERE size($rels) = 0 OR type(r) IN $rels){1,5}(b)
  RETURN p
  UNION ALL
  WITH * WHERE $length = 6
  MATCH p = SHORTEST 6 GROUPS (a)(()-[r]-(:Entity) WHERE size($rels) = 0 OR type(r) IN $rels){1,6}(b)
  RETURN p
}
WITH p
WHERE length(p) = $length
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH p, [n IN nodes(p) | n.id] AS nodeIds
ORDER BY size([n IN nodes(p) WHERE n:SDG OR n:Country]), nodeIds
LIMIT $limit
RETURN nodeIds,
       // Its role and dates are said in the path's sentence: "UNICEF funds X (core funder)".
       [r IN relationships(p) | r {.sources, .role, .startDate, .endDate,
                                   source: startNode(r).id, target: endNode(r).id, type: type(r)}]
         AS edges
