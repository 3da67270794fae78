// The organisations, groups and funding initiatives around one activity, DPG, country, SDG or
// initiative ($id), or around the DPGs of one sector ($sector, as the DPGs spell it, with $id ''),
// one row per connecting path: the stakeholder, the path as node maps and relationships
// with their real direction. The stakeholder's role follows from the path's first relationship
// (server/insights/stakeholder-map.ts), its ring from what the path goes through after it
// (STAKEHOLDER_LINKS there lists each branch). Each branch matches only the subject type it names.
// Filters, applied before the map is ranked (the map is of these stakeholders alone) and before the
// row cap: $kind (an organisation kind, or '' for any stakeholder: never null, or each would have a
// plan of its own; an organisation an editor added without a kind is `unknown`), $membersOnly (DPGA
// members) and $roleTypes (a role, as the first relationship types of its paths,
// stakeholder-map.ts; [] for any: a stakeholder with a path of one of them). Initiatives of the
// kinds in $notActors (tools, standards, policy processes: stakeholder-map.ts) are never
// stakeholders.
// Each stakeholder carries the name of its home country (BASED_IN), for a map of a country to tell
// its own organisations from foreign ones, and an initiative who runs it (RUNS: the UNICEF Venture
// Fund beside UNICEF says whose it is).
// A sector is no entity: its paths end at a DPG of the sector, and its branches run only without
// a subject entity (y null), as the others run only with one (a pattern with y null matches
// nothing). A sector's map narrowed to a country ($country, its id, or '' for none: c) has
// branches of its own, closest first as on a country's map: an activity there involving a DPG of
// the sector (the path ends at the DPG), then a DPG of the sector developed or deployed there (the
// path goes on to the country).
// Bounded: at most $maxPaths rows, in a stable order.
OPTIONAL MATCH (y:Entity {id: $id})
OPTIONAL MATCH (c:Entity:Country {id: $country})
CALL (y, c) {
  // Activity: who leads, co-leads, takes part in or is involved in it
  MATCH p = (s:Organisation|Group|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(y:Activity)
  RETURN s, p
  UNION
  // Activity: who owns, maintains, funds or implements a DPG it involves
  MATCH p = (s:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(:DPG)<-[:INVOLVES]-(y:Activity)
  RETURN s, p
  UNION
  // DPG: who owns, maintains, funds or implements it
  MATCH p = (s:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(y:DPG)
  RETURN s, p
  UNION
  // DPG: who runs or takes part in an activity that involves it
  MATCH p = (s:Organisation|Group|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)
            -[:INVOLVES]->(y:DPG)
  RETURN s, p
  UNION
  // Country: the organisations based there (its government first of all)
  MATCH p = (s:Organisation)-[:BASED_IN]->(y:Country)
  RETURN s, p
  UNION
  // Country: who runs or takes part in an activity there
  MATCH p = (s:Organisation|Group|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)
            -[:TAKES_PLACE_IN]->(y:Country)
  RETURN s, p
  UNION
  // Country: who owns, maintains, funds or implements a DPG deployed there
  MATCH p = (s:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(:DPG)-[:DEPLOYED_IN]->(y:Country)
  RETURN s, p
  UNION
  // Country: who owns, maintains, funds or implements a DPG developed there (its makers tend to
  // be local, unlike those of a DPG merely listed as deployed there)
  MATCH p = (s:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(:DPG)-[:DEVELOPED_IN]->(y:Country)
  RETURN s, p
  UNION
  // SDG: who owns, maintains, funds or implements a DPG advancing it
  MATCH p = (s:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(:DPG)-[:ADVANCES]->(y:SDG)
  RETURN s, p
  UNION
  // SDG: who runs or takes part in an activity involving a DPG that advances it
  MATCH p = (s:Organisation|Group|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)
            -[:INVOLVES]->(:DPG)-[:ADVANCES]->(y:SDG)
  RETURN s, p
  UNION
  // Initiative: who runs it
  MATCH p = (s:Organisation)-[:RUNS]->(y:Initiative)
  RETURN s, p
  UNION
  // Initiative: who runs or takes part in an activity that involves it (not the initiative itself)
  MATCH p = (s:Organisation|Group|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)
            -[:INVOLVES]->(y:Initiative)
  WHERE s <> y
  RETURN s, p
  UNION
  // Initiative: who owns, maintains, co-funds or implements a DPG it funds
  MATCH p = (s:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(:DPG)<-[:FUNDS]-(y:Initiative)
  WHERE s <> y
  RETURN s, p
  UNION
  // Sector: who owns, maintains, funds or implements a DPG of the sector
  WITH y, c WHERE y IS NULL AND c IS NULL
  MATCH p = (s:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(d:DPG)
  WHERE $sector IN d.sectors
  RETURN s, p
  UNION
  // Sector: who runs or takes part in an activity that involves a DPG of the sector
  WITH y, c WHERE y IS NULL AND c IS NULL
  MATCH p = (s:Organisation|Group|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)
            -[:INVOLVES]->(d:DPG)
  WHERE $sector IN d.sectors
  RETURN s, p
  UNION
  // Sector in a country: who runs or takes part in an activity there involving a DPG of the sector
  WITH y, c WHERE y IS NULL
  MATCH (c)<-[:TAKES_PLACE_IN]-(a:Activity)-[:INVOLVES]->(d:DPG)
  WHERE $sector IN d.sectors
  MATCH p = (s:Organisation|Group|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(a)
            -[:INVOLVES]->(d)
  RETURN s, p
  UNION
  // Sector in a country: who owns, maintains, funds or implements a DPG of the sector developed or
  // deployed there
  WITH y, c WHERE y IS NULL
  MATCH p = (s:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(d:DPG)
            -[:DEVELOPED_IN|DEPLOYED_IN]->(c)
  WHERE $sector IN d.sectors
  RETURN s, p
}
// Membership once per stakeholder, not once per path (a hub has thousands).
WITH s, collect(p) AS paths
WITH s, paths, EXISTS { (s)-[:MEMBER_OF]->(:Organisation {id: 'org:dpga'}) } AS member,
     COLLECT { MATCH (s)-[:BASED_IN]->(home:Country) RETURN home.name ORDER BY home.name } AS homes,
     COLLECT { MATCH (runner:Organisation)-[:RUNS]->(s) RETURN runner.name ORDER BY runner.name }
       AS runners
WHERE NOT (s:Initiative AND s.kind IN $notActors)
  AND ($kind = '' OR (s:Organisation AND coalesce(s.kind, 'unknown') = $kind))
  AND (NOT $membersOnly OR member)
  AND (size($roleTypes) = 0 OR any(p IN paths WHERE type(relationships(p)[0]) IN $roleTypes))
UNWIND paths AS p
WITH s, member, homes, runners, [n IN nodes(p) | n {.id, label: coalesce(n.name, n.id),
                             type: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
     [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}] AS rels
ORDER BY s.id, size(nodes), [n IN nodes | n.id]
LIMIT $maxPaths
RETURN s {.id, label: coalesce(s.name, s.id), type: [l IN labels(s) WHERE l <> 'Entity'][0],
          kind: s.kind, member: member,
          homeCountry: CASE WHEN size(homes) = 0 THEN null
                            ELSE reduce(t = head(homes), h IN tail(homes) | t + ' / ' + h) END,
          runBy: CASE WHEN size(runners) = 0 THEN null
                      ELSE reduce(t = head(runners), r IN tail(runners) | t + ' / ' + r) END} AS stakeholder,
       nodes, rels
