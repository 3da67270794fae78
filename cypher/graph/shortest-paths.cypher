// The shortest paths between two entities: up to 10 (the caller keeps $k), each at most $maxHops
// relationships (1 to 6), through entities only, over relationships of $rels (all when empty),
// never visiting an entity twice. Shortest first, then those through fewer SDGs and countries
// (a DPG advancing SDG 3 like another says less of a partnership than an activity shared), then by
// the sequence of node ids. When 10 come back, the longest length may have more paths than
// SHORTEST kept (an arbitrary few): the caller reads that length whole with paths-of-length.cypher.
// A quantifier cannot be a parameter: one branch per $maxHops, of which only the asked one runs,
// so the search never walks further than asked (on a big graph, hops past $maxHops through hubs
// cost far more than the paths kept).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
CALL (a, b) {
  WITH * WHERE $maxHops = 1
  MATCH p = SHORTEST 10 (a)(()-[r]-(:Entity) WHERE size($rels) = 0 OR type(r) IN $rels){1,1}(b)
  RETURN p
  UNION ALL
  WITH * WHERE $maxHops = 2
  MATCH p = SHORTEST 10 (a)(()-[r]-(:Entity) WHERE size($rels) = 0 OR type(r) IN $rels){1,2}(b)
  RETURN p
  UNION ALL
  WITH * WHERE $maxHops = 3
  MATCH p = SHORTEST 10 (a)(()-[r]-(:Entity) WHERE size($rels) = 0 OR type(r) IN $rels){1,3}(b)
  RETURN p
  UNION ALL
  WITH * WHERE $maxHops = 4
  MATCH p = SHORTEST 10 (a)(()-[r]-(:Entity) WHERE size($rels) = 0 OR type(r) IN $rels){1,4}(b)
  RETURN p
  UNION ALL
  WITH * WHERE $maxHops = 5
  MATCH p = SHORTEST 10 (a)(()-[r]-(:Entity) WHERE size($rels) = 0 OR type(r) IN $rels){1,5}(b)
  RETURN p
  UNION ALL
  WITH * WHERE $maxHops = 6
  MATCH p = SHORTEST 10 (a)(()-[r]-(:Entity) WHERE size($rels) = 0 OR type(r) IN $rels){1,6}(b)
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
