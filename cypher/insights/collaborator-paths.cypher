// Typed evidence paths from candidate collaborators to the DPG $id, one row per path (the
// meta-paths are described in docs/insights.md). Candidates are organisations, and initiatives
// that fund DPGs (the UNICEF Venture Fund), not yet tied to the DPG: no relationship with it, no
// part in an activity that involves it, not running (or run by) something tied to it.
// Each row gives the path as node maps and relationships with their real direction, its shared
// hub (an SDG, a country, a sector or an activity) with the hub's degree for Adamic–Adar damping,
// and the sectors the path's DPG shares with $id. Filters: $kind (organisation kind),
// $membersOnly (DPGA members), $country (active there through a DPG or an activity).
// Bounded: at most $maxPaths rows, in a stable order.
MATCH (x:DPG {id: $id})
CALL (x) {
  OPTIONAL MATCH (t:Entity)
  WHERE EXISTS { (t)--(x) }
     OR EXISTS { (t)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)-[:INVOLVES]->(x) }
     OR EXISTS { (t)-[:RUNS]-(:Entity)--(x) }
  RETURN collect(t.id) AS tied
}
CALL (x) {
  // o owns, maintains, funds or implements a DPG that advances one of X's SDGs
  MATCH p = (o:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(y:DPG)
            -[:ADVANCES]->(hub:SDG)<-[:ADVANCES]-(x)
  WHERE y <> x
  RETURN o, 'dpg-sdg' AS metaPath, p, [] AS sectors,
         hub {.id, label: coalesce(hub.name, hub.id), type: 'SDG',
              degree: COUNT { (hub)--(:Entity) }} AS hub
  UNION
  // o's DPG is deployed in a country where X is; a meta-path of its own when that DPG also
  // shares a sector with X (a constrained meta-path: same footprint and same field)
  MATCH p = (o:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(y:DPG)
            -[:DEPLOYED_IN]->(hub:Country)<-[:DEPLOYED_IN]-(x)
  WHERE y <> x
  WITH o, p, hub, [s IN coalesce(y.sectors, []) WHERE s IN coalesce(x.sectors, [])] AS sectors
  RETURN o, CASE WHEN size(sectors) > 0 THEN 'dpg-sector-country' ELSE 'dpg-country' END AS metaPath,
         p, sectors,
         hub {.id, label: coalesce(hub.name, hub.id), type: 'Country',
              degree: COUNT { (hub)--(:Entity) }} AS hub
  UNION
  // o's DPG shares a sector with X (a property value, so the path ends at o's DPG)
  MATCH p = (o:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(y:DPG)
  WHERE y <> x
  UNWIND [s IN coalesce(y.sectors, []) WHERE s IN coalesce(x.sectors, [])] AS sector
  RETURN o, 'dpg-sector' AS metaPath, p, [sector] AS sectors,
         {id: null, label: sector, type: 'Sector',
          degree: COUNT { MATCH (d:DPG) WHERE sector IN d.sectors }} AS hub
  UNION
  // o takes part in an activity that involves a DPG sharing a sector with X
  MATCH p = (o:Organisation|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)
            -[:INVOLVES]->(y:DPG)
  WHERE y <> x
  UNWIND [s IN coalesce(y.sectors, []) WHERE s IN coalesce(x.sectors, [])] AS sector
  RETURN o, 'activity-dpg' AS metaPath, p, [sector] AS sectors,
         {id: null, label: sector, type: 'Sector',
          degree: COUNT { MATCH (d:DPG) WHERE sector IN d.sectors }} AS hub
  UNION
  // o takes part in an activity that takes place in a country where X is deployed
  MATCH p = (o:Organisation|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)
            -[:TAKES_PLACE_IN]->(hub:Country)<-[:DEPLOYED_IN]-(x)
  RETURN o, 'activity-country' AS metaPath, p, [] AS sectors,
         hub {.id, label: coalesce(hub.name, hub.id), type: 'Country',
              degree: COUNT { (hub)--(:Entity) }} AS hub
  UNION
  // o takes part in an activity together with an owner or maintainer of X
  MATCH p = (o:Organisation|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(hub:Activity)
            -[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(w:Organisation)-[:OWNS|MAINTAINS]->(x)
  WHERE w <> o
  RETURN o, 'activity-owner' AS metaPath, p, [] AS sectors,
         hub {.id, label: coalesce(hub.name, hub.id), type: 'Activity',
              degree: COUNT { (hub)--(:Entity) }} AS hub
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
