// The best-connected $limit entities and the relationships among them, with the totals, so the
// client can say "showing 200 of 1,340". Every element carries its sources (provenance).
MATCH (n:Entity)
WITH n, COUNT { (n)--(:Entity) } AS degree
ORDER BY degree DESC, n.id
WITH collect({node: n, degree: degree}) AS ranked
WITH size(ranked) AS totalNodes, ranked[0..$limit] AS shown
WITH totalNodes, shown, [x IN shown | x.node] AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN nodes
  RETURN collect({source: a.id, target: b.id, type: type(r), sources: coalesce(r.sources, [])}) AS edges
}
RETURN totalNodes,
       COUNT { (:Entity)-[]->(:Entity) } AS totalEdges,
       [x IN shown | {
         id: x.node.id,
         label: coalesce(x.node.name, x.node.id),
         type: [l IN labels(x.node) WHERE l <> 'Entity'][0],
         kind: x.node.kind,
         degree: x.degree,
         sources: coalesce(x.node.sources, [])
       }] AS nodes,
       edges
