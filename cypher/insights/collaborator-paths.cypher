// Typed evidence paths from candidate collaborators to the DPG $id, one row per path (the
// meta-paths are described in docs/insights.md). Candidates are organisations, and initiatives
// that fund DPGs (the UNICEF Venture Fund), not yet tied to the DPG: no relationship with it, no
// part in an activity that involves it, not running (or run by) something tied to it.
// Each row gives the path as node maps and relationships with their real direction, its shared
// hub (an SDG, a country, a sector or an activity) with the hub's degree for Adamic–Adar damping,
// and the sectors the path's DPG shares with $id (relationships join entities only, so a hub's
// degree is the count the store keeps). Filters: $kind (organisation kind),
// $membersOnly (DPGA members), $country (active there through a DPG or an activity).
// Bounded: at most $maxPaths rows, in a stable order. The kinds of evidence are joined with UNION
// ALL: each has its own metaPath, so no row can come twice, and nothing has to be held to check.
MATCH (x:DPG {id: $id})
// Found by walking out from X (never by testing every entity in the graph).
CALL (x) {
  CALL (x) {
    MATCH (t:Entity)--(x)
    RETURN t
    UNION
    MATCH (t:Entity)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)-[:INVOLVES]->(x)
    RETURN t
    UNION
    MATCH (t:Entity)-[:RUNS]-(:Entity)--(x)
    RETURN t
  }
  RETURN collect(t.id) AS tied
}
// A sector's hub degree is the number of DPGs in it: counted once per sector of X, not per path.
CALL (x) {
  UNWIND coalesce(x.sectors, []) AS sector
  RETURN collect({sector: sector, degree: COUNT { MATCH (d:DPG) WHERE sector IN d.sectors }})
         AS sectorDegrees
}
CALL (x, sectorDegrees) {
  // o owns, maintains, funds or implements a DPG that advances one of X's SDGs (each hub's
  // degree counted once, before the paths through it)
  MATCH (x)-[:ADVANCES]->(sdg:SDG)
  WITH DISTINCT x, sdg, COUNT { (sdg)--() } AS degree
  MATCH p = (o:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(y:DPG)
            -[:ADVANCES]->(sdg)<-[:ADVANCES]-(x)
  WHERE y <> x
  RETURN o, 'dpg-sdg' AS metaPath, p, [] AS sectors,
         sdg {.id, label: coalesce(sdg.name, sdg.id), type: 'SDG', degree: degree} AS hub
  UNION ALL
  // o's DPG is deployed in a country where X is; a meta-path of its own when that DPG also
  // shares a sector with X (a constrained meta-path: same footprint and same field)
  MATCH (x)-[:DEPLOYED_IN]->(country:Country)
  WITH DISTINCT x, country, COUNT { (country)--() } AS degree
  MATCH p = (o:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(y:DPG)
            -[:DEPLOYED_IN]->(country)<-[:DEPLOYED_IN]-(x)
  WHERE y <> x
  WITH o, p, country, degree,
       [s IN coalesce(y.sectors, []) WHERE s IN coalesce(x.sectors, [])] AS sectors
  RETURN o, CASE WHEN size(sectors) > 0 THEN 'dpg-sector-country' ELSE 'dpg-country' END AS metaPath,
         p, sectors,
         country {.id, label: coalesce(country.name, country.id), type: 'Country', degree: degree}
           AS hub
  UNION ALL
  // o's DPG shares a sector with X (a property value, so the path ends at o's DPG)
  MATCH p = (o:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(y:DPG)
  WHERE y <> x
  UNWIND [s IN coalesce(y.sectors, []) WHERE s IN coalesce(x.sectors, [])] AS sector
  RETURN o, 'dpg-sector' AS metaPath, p, [sector] AS sectors,
         {id: null, label: sector, type: 'Sector',
          degree: [s IN sectorDegrees WHERE s.sector = sector][0].degree} AS hub
  UNION ALL
  // o takes part in an activity that involves a DPG sharing a sector with X
  MATCH p = (o:Organisation|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)
            -[:INVOLVES]->(y:DPG)
  WHERE y <> x
  UNWIND [s IN coalesce(y.sectors, []) WHERE s IN coalesce(x.sectors, [])] AS sector
  RETURN o, 'activity-dpg' AS metaPath, p, [sector] AS sectors,
         {id: null, label: sector, type: 'Sector',
          degree: [s IN sectorDegrees WHERE s.sector = sector][0].degree} AS hub
  UNION ALL
  // o takes part in an activity that takes place in a country where X is deployed
  MATCH (x)-[:DEPLOYED_IN]->(country:Country)
  WITH DISTINCT x, country, COUNT { (country)--() } AS degree
  MATCH p = (o:Organisation|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)
            -[:TAKES_PLACE_IN]->(country)<-[:DEPLOYED_IN]-(x)
  RETURN o, 'activity-country' AS metaPath, p, [] AS sectors,
         country {.id, label: coalesce(country.name, country.id), type: 'Country', degree: degree}
           AS hub
  UNION ALL
  // o takes part in an activity together with an owner or maintainer of X
  MATCH p = (o:Organisation|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(hub:Activity)
            -[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(w:Organisation)-[:OWNS|MAINTAINS]->(x)
  WHERE w <> o
  RETURN o, 'activity-owner' AS metaPath, p, [] AS sectors,
         hub {.id, label: coalesce(hub.name, hub.id), type: 'Activity',
              degree: COUNT { (hub)--() }} AS hub
}
WITH tied, o, metaPath, p, sectors, hub
WHERE NOT o.id IN tied
  AND (o:Organisation OR EXISTS { (o)-[:FUNDS]->(:DPG) })
  AND ($kind IS NULL OR (o:Organisation AND o.kind = $kind))
  AND (NOT $membersOnly OR EXISTS { (o)-[:MEMBER_OF]->(:Organisation {id: 'org:dpga'}) })
  AND ($country IS NULL
       OR EXISTS { (o)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(:DPG)-[:DEPLOYED_IN]->(:Country {id: $country}) }
       OR EXISTS { (o)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)-[:TAKES_PLACE_IN]->(:Country {id: $country}) })
WITH o, metaPath, sectors, hub,
     [n IN nodes(p) | n {.id, label: coalesce(n.name, n.id),
                          type: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
     [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}] AS rels
ORDER BY o.id, metaPath, [n IN nodes | n.id], hub.label
LIMIT $maxPaths
RETURN o {.id, label: coalesce(o.name, o.id), type: [l IN labels(o) WHERE l <> 'Entity'][0],
          kind: o.kind,
          member: EXISTS { (o)-[:MEMBER_OF]->(:Organisation {id: 'org:dpga'}) }} AS candidate,
       metaPath, hub, sectors, nodes, rels
