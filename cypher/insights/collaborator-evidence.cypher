// The evidence paths that explain the chosen candidates $candidates (ids) as collaborators for the
// DPG $id: for each candidate and meta-path, its $paths strongest paths (collaborator-scores.cypher
// has already counted them all). Within a meta-path a path is stronger the smaller its hub's degree,
// then in the order of its node ids, then of its sector, as the ranking shows them; a path through
// $country (the country the list was narrowed to, or '') comes before the others of its kind.
// A meta-path whose hub is a country or an SDG counts each intermediate (the candidate's DPG, or
// activity) once, through its least connected shared hub (collaborator-scores.cypher): such a
// path is shown once per intermediate, through that hub (or through $country, when it is one of
// them), so that the hubs shown are the ones counted and not whichever came first.
// The meta-paths are those of collaborator-scores.cypher, walked from each candidate. Each row gives
// the path as node maps and relationships with their real direction, its shared hub (an SDG, a
// country, a sector or an activity) with the hub's degree, and the sectors the path's DPG shares
// with X.
// A well-connected candidate has thousands of paths, so what X contributes (its countries, its
// owners' activities) is found once, and a path reaching one of X's countries is recognised in that
// list rather than by matching the country's last relationship to X on each path (a country has
// hundreds). That relationship is then written out: relationships are merged per type and
// direction, so (X)-[:DEPLOYED_IN]->(country) is exactly one.
MATCH (x:DPG {id: $id})
WITH x, coalesce(x.sectors, []) AS xSectors
// A sector's hub degree is the number of DPGs in it: counted once per sector of X, not per path.
CALL (xSectors) {
  UNWIND xSectors AS sector
  RETURN collect({sector: sector, degree: COUNT { MATCH (d:DPG) WHERE sector IN d.sectors }})
         AS sectorDegrees
}
WITH x, xSectors, sectorDegrees,
     COLLECT { MATCH (x)-[:DEPLOYED_IN]->(country:Country) RETURN country } AS countries,
     COLLECT {
       MATCH (owner:Organisation)-[owns:OWNS|MAINTAINS]->(x)
       MATCH (owner)-[part:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(activity:Activity)
       RETURN {activity: activity, part: part, owner: owner, owns: owns}
     } AS ownerParts
UNWIND $candidates AS candidateId
MATCH (o:Entity {id: candidateId})
WHERE o:Organisation OR o:Initiative
CALL (x, xSectors, sectorDegrees, countries, ownerParts, o) {
  MATCH p = (o)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(y:DPG)-[:ADVANCES]->(sdg:SDG)<-[:ADVANCES]-(x)
  WHERE y <> x
  RETURN 'dpg-sdg' AS metaPath, nodes(p) AS pathNodes, relationships(p) AS pathRels,
         null AS lastRel, [] AS sectors, sdg AS hubNode, null AS sector, COUNT { (sdg)--() } AS degree,
         y.id AS via
  UNION ALL
  MATCH (o)-[backs:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(y:DPG)-[deployed:DEPLOYED_IN]->(country:Country)
  WHERE y <> x AND country IN countries
  WITH o, y, backs, deployed, country, x,
       [s IN coalesce(y.sectors, []) WHERE s IN xSectors] AS sectors
  RETURN CASE WHEN size(sectors) > 0 THEN 'dpg-sector-country' ELSE 'dpg-country' END AS metaPath,
         [o, y, country, x] AS pathNodes, [backs, deployed] AS pathRels,
         {type: 'DEPLOYED_IN', from: x.id, to: country.id} AS lastRel, sectors,
         country AS hubNode, null AS sector, COUNT { (country)--() } AS degree, y.id AS via
  UNION ALL
  MATCH p = (o)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(y:DPG)
  WHERE y <> x
  UNWIND [s IN coalesce(y.sectors, []) WHERE s IN xSectors] AS sector
  RETURN 'dpg-sector' AS metaPath, nodes(p) AS pathNodes, relationships(p) AS pathRels,
         null AS lastRel, [sector] AS sectors, null AS hubNode, sector,
         [s IN sectorDegrees WHERE s.sector = sector][0].degree AS degree, null AS via
  UNION ALL
  MATCH p = (o)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)-[:INVOLVES]->(y:DPG)
  WHERE y <> x
  UNWIND [s IN coalesce(y.sectors, []) WHERE s IN xSectors] AS sector
  RETURN 'activity-dpg' AS metaPath, nodes(p) AS pathNodes, relationships(p) AS pathRels,
         null AS lastRel, [sector] AS sectors, null AS hubNode, sector,
         [s IN sectorDegrees WHERE s.sector = sector][0].degree AS degree, null AS via
  UNION ALL
  MATCH (o)-[part:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(activity:Activity)
        -[place:TAKES_PLACE_IN]->(country:Country)
  WHERE country IN countries
  RETURN 'activity-country' AS metaPath, [o, activity, country, x] AS pathNodes,
         [part, place] AS pathRels, {type: 'DEPLOYED_IN', from: x.id, to: country.id} AS lastRel,
         [] AS sectors, country AS hubNode, null AS sector, COUNT { (country)--() } AS degree,
         activity.id AS via
  UNION ALL
  // from the activities of X's owners, which are few, to the candidate, which may have thousands
  UNWIND ownerParts AS shared
  WITH o, x, shared, shared.activity AS activity
  WHERE shared.owner <> o
  MATCH (o)-[part:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(activity)
  RETURN 'activity-owner' AS metaPath, [o, activity, shared.owner, x] AS pathNodes,
         [part, shared.part, shared.owns] AS pathRels, null AS lastRel, [] AS sectors,
         activity AS hubNode, null AS sector, COUNT { (activity)--() } AS degree, null AS via
}
// The order of strength; the relationship types last, so that of two relationships from the
// candidate to the same node the one shown is always the same.
WITH o, metaPath, via,
     [CASE WHEN any(n IN pathNodes WHERE n.id = $country) THEN 0 ELSE 1 END, degree] AS strength,
     {nodes: pathNodes, rels: pathRels, lastRel: lastRel, sectors: sectors, hubNode: hubNode,
      sector: sector, degree: degree, ids: [n IN pathNodes | n.id],
      types: [r IN pathRels | type(r)]} AS path
ORDER BY strength, path.ids, path.sector, path.types
// One path per intermediate where one is counted, its strongest; every path elsewhere (via null)
WITH o, metaPath, via, collect({strength: strength, path: path}) AS ranked
UNWIND CASE WHEN via IS NULL THEN ranked ELSE ranked[0..1] END AS shown
WITH o, metaPath, shown.strength AS strength, shown.path AS path
ORDER BY strength, path.ids, path.sector, path.types
WITH o, metaPath, collect(path)[0..$paths] AS best
UNWIND best AS path
WITH o, metaPath, path, path.hubNode AS hubNode
RETURN o.id AS candidate, metaPath, path.sectors AS sectors,
       CASE WHEN hubNode IS NULL
            THEN {id: null, label: path.sector, type: 'Sector', degree: path.degree}
            ELSE {id: hubNode.id, label: coalesce(hubNode.name, hubNode.id),
                  type: [l IN labels(hubNode) WHERE l <> 'Entity'][0], degree: path.degree}
       END AS hub,
       [n IN path.nodes | n {.id, label: coalesce(n.name, n.id),
                             type: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
       [r IN path.rels | {type: type(r), from: startNode(r).id, to: endNode(r).id,
                          role: r.role, startDate: r.startDate, endDate: r.endDate}]
         + CASE WHEN path.lastRel IS NULL THEN [] ELSE [path.lastRel] END AS rels
