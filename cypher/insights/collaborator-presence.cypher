// How each of the shown candidates $candidates (ids) is active in $country, the condition of a list
// narrowed to it (collaborator-scores.cypher's `active`): a reader of "active in Kenya" saw only
// reasons elsewhere (the ranking's evidence is about X, not the country). One path per candidate,
// the most direct kind first (based there, then an activity there, then a DPG it backs deployed
// there); within a kind the least connected activity or DPG (the most telling), then by id, then
// by relationship type, so the same graph always shows the same path.
MATCH (country:Country {id: $country})
UNWIND $candidates AS candidateId
MATCH (o:Entity {id: candidateId})
CALL (o, country) {
  MATCH (o)-[based:BASED_IN]->(country)
  RETURN 0 AS kind, 0 AS degree, [o, country] AS pathNodes, [based] AS pathRels
  UNION ALL
  MATCH (o)-[part:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(activity:Activity)
        -[place:TAKES_PLACE_IN]->(country)
  RETURN 1 AS kind, COUNT { (activity)--() } AS degree, [o, activity, country] AS pathNodes,
         [part, place] AS pathRels
  UNION ALL
  MATCH (o)-[backs:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(dpg:DPG)-[deployed:DEPLOYED_IN]->(country)
  RETURN 2 AS kind, COUNT { (dpg)--() } AS degree, [o, dpg, country] AS pathNodes,
         [backs, deployed] AS pathRels
}
WITH o, pathNodes, pathRels
ORDER BY kind, degree, [n IN pathNodes | n.id], [r IN pathRels | type(r)]
WITH o, collect({nodes: pathNodes, rels: pathRels})[0] AS path
RETURN o.id AS candidate,
       [n IN path.nodes | n {.id, label: coalesce(n.name, n.id),
                             type: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
       [r IN path.rels | {type: type(r), from: startNode(r).id, to: endNode(r).id,
                          role: r.role, startDate: r.startDate, endDate: r.endDate}] AS rels
