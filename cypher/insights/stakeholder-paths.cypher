// The organisations, groups and funding initiatives around one activity, DPG, country, SDG or
// initiative ($id), or around the DPGs of one sector ($sector, as the DPGs spell it, with $id ''),
// one row per stakeholder, summing up its connecting paths (below). The stakeholder's role on a
// path follows from the path's first relationship, its ring from what the path goes through
// after it (STAKEHOLDER_LINKS in server/insights/stakeholder-map.ts lists each branch). Each
// branch matches only the subject type it names.
// Filters, applied before the map is ranked (the map is of these stakeholders alone): $kind (an
// organisation kind, or '' for any stakeholder: never null, or each would have a plan of its own;
// an organisation an editor added without a kind is `unknown`), $membersOnly (DPGA members) and
// $roleTypes (a role, as the first relationship types of its paths, stakeholder-map.ts; [] for
// any: a stakeholder with a path of one of them). Initiatives of the kinds in $notActors (tools,
// standards, policy processes: stakeholder-map.ts) are never stakeholders.
// A sector is no entity: its paths end at a DPG of the sector, and its branches run only without
// a subject entity (y null), as the others run only with one (a pattern with y null matches
// nothing). A topic's map narrowed to a country ($country, its id, or '' for none: c) has
// branches of its own, shared by the two topics, a sector (y null) and an SDG (y): closest first
// as on a country's map, an activity there involving a DPG of the topic (the path ends at the
// DPG), then a DPG of the topic developed or deployed there (the path goes on to the country, so
// that its last relationship tells the two apart). An SDG's own branches run only without a
// country: "SDG 3 in Kenya" is not SDG 3's map.
// UNION ALL, not UNION: no path is found by two branches (those that can run together differ in
// length, in a relationship's type or in the label of the node between), so there is nothing to
// remove, and comparing every path with the others cost a quarter of the time of a map of many
// paths (Health's 28,000 at 100k relationships: 300 → 215 ms, and 225 → 145 ms for the shown
// stakeholders), less on smaller maps. insights-real-data.test.ts holds the branches to this.
OPTIONAL MATCH (y:Entity {id: $id})
OPTIONAL MATCH (c:Entity:Country {id: $country})
CALL (y, c) {
  // Activity: who leads, co-leads, takes part in or is involved in it
  MATCH p = (s:Organisation|Group|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(y:Activity)
  RETURN s, p
  UNION ALL
  // Activity: who owns, maintains, funds or implements a DPG it involves
  MATCH p = (s:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(:DPG)<-[:INVOLVES]-(y:Activity)
  RETURN s, p
  UNION ALL
  // DPG: who owns, maintains, funds or implements it
  MATCH p = (s:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(y:DPG)
  RETURN s, p
  UNION ALL
  // DPG: who runs or takes part in an activity that involves it
  MATCH p = (s:Organisation|Group|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)
            -[:INVOLVES]->(y:DPG)
  RETURN s, p
  UNION ALL
  // Country: the organisations based there (its government first of all)
  MATCH p = (s:Organisation)-[:BASED_IN]->(y:Country)
  RETURN s, p
  UNION ALL
  // Country: who runs or takes part in an activity there
  MATCH p = (s:Organisation|Group|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)
            -[:TAKES_PLACE_IN]->(y:Country)
  RETURN s, p
  UNION ALL
  // Country: who owns, maintains, funds or implements a DPG deployed there
  MATCH p = (s:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(:DPG)-[:DEPLOYED_IN]->(y:Country)
  RETURN s, p
  UNION ALL
  // Country: who owns, maintains, funds or implements a DPG developed there (its makers tend to
  // be local, unlike those of a DPG merely listed as deployed there)
  MATCH p = (s:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(:DPG)-[:DEVELOPED_IN]->(y:Country)
  RETURN s, p
  UNION ALL
  // SDG: who owns, maintains, funds or implements a DPG advancing it
  WITH y, c WHERE c IS NULL
  MATCH p = (s:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(:DPG)-[:ADVANCES]->(y:SDG)
  RETURN s, p
  UNION ALL
  // SDG: who runs or takes part in an activity involving a DPG that advances it
  WITH y, c WHERE c IS NULL
  MATCH p = (s:Organisation|Group|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)
            -[:INVOLVES]->(:DPG)-[:ADVANCES]->(y:SDG)
  RETURN s, p
  UNION ALL
  // Initiative: who runs it
  MATCH p = (s:Organisation)-[:RUNS]->(y:Initiative)
  RETURN s, p
  UNION ALL
  // Initiative: who runs or takes part in an activity that involves it (not the initiative itself)
  MATCH p = (s:Organisation|Group|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)
            -[:INVOLVES]->(y:Initiative)
  WHERE s <> y
  RETURN s, p
  UNION ALL
  // Initiative: who owns, maintains, co-funds or implements a DPG it funds
  MATCH p = (s:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(:DPG)<-[:FUNDS]-(y:Initiative)
  WHERE s <> y
  RETURN s, p
  UNION ALL
  // Sector: who owns, maintains, funds or implements a DPG of the sector
  WITH y, c WHERE y IS NULL AND c IS NULL
  MATCH p = (s:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(d:DPG)
  WHERE $sector IN d.sectors
  RETURN s, p
  UNION ALL
  // Sector: who runs or takes part in an activity that involves a DPG of the sector
  WITH y, c WHERE y IS NULL AND c IS NULL
  MATCH p = (s:Organisation|Group|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)
            -[:INVOLVES]->(d:DPG)
  WHERE $sector IN d.sectors
  RETURN s, p
  UNION ALL
  // A topic in a country: who runs or takes part in an activity there involving a DPG of the
  // sector, or advancing the SDG
  WITH y, c WHERE y IS NULL OR y:SDG
  MATCH (c)<-[:TAKES_PLACE_IN]-(a:Activity)-[:INVOLVES]->(d:DPG)
  WHERE CASE WHEN y IS NULL THEN $sector IN d.sectors ELSE EXISTS { (d)-[:ADVANCES]->(y) } END
  MATCH p = (s:Organisation|Group|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(a)
            -[:INVOLVES]->(d)
  RETURN s, p
  UNION ALL
  // A topic in a country: who owns, maintains, funds or implements a DPG of the sector, or
  // advancing the SDG, developed or deployed there
  WITH y, c WHERE y IS NULL OR y:SDG
  MATCH p = (s:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(d:DPG)
            -[:DEVELOPED_IN|DEPLOYED_IN]->(c)
  WHERE CASE WHEN y IS NULL THEN $sector IN d.sectors ELSE EXISTS { (d)-[:ADVANCES]->(y) } END
  RETURN s, p
}
// Each stakeholder once, its paths summed up, so that a map of a million relationships ranks
// every stakeholder, not the first few thousand paths (the old cut kept the ids that sort first).
// $links (stakeholder-map.ts, which alone defines the rings) gives each path's ring, role and how
// far it runs past the subject, keyed by its relationship types: the first, '|', then the rest
// joined by ','. A key it lacks is returned in `strays` (the service refuses the map). With
// $roleTypes, `ring` is that of the stakeholder's closest path of those types, and a stakeholder
// with none is left out. `firstTies`: the stakeholder's own relationships that its paths start
// with (the rest of its relationships are its "other ties").
// Run twice: with $shown null, every stakeholder, summed up only, for the service to rank; then
// with $shown (the shown ones' ids, each a key to true), those alone, with their `connections`,
// the $connections closest paths each (those of the role asked for first). The paths are
// collected for those alone: collected for every stakeholder of a large map they would not fit a
// transaction's memory. A map, not a list of ids: every path is tested, and a key lookup costs
// next to nothing where a test against a list cost ~1 µs (Health's map at 1M relationships,
// 290,000 paths: its shown stakeholders' run 1.22 → 0.96 s).
WITH s, p WHERE $shown IS NULL OR $shown[s.id]
WITH s, p, relationships(p) AS rels
WITH s, p, head(rels) AS first,
     type(head(rels)) + '|' +
       reduce(t = '', r IN tail(rels) | t + CASE t WHEN '' THEN '' ELSE ',' END + type(r)) AS key
WITH s, p, first, key, $links[key] AS link,
     size($roleTypes) = 0 OR type(first) IN $roleTypes AS ofRole
WITH s,
     min(CASE WHEN ofRole THEN link.ring END) AS ring,
     collect(DISTINCT link.role) AS roles,
     count(*) AS pathCount,
     count(DISTINCT first) AS firstTies,
     min(length(p) - link.beyond) = 1 AS direct,
     collect(DISTINCT CASE WHEN link IS NULL THEN key END) AS strays,
     collect(CASE WHEN $shown IS NOT NULL
                  THEN {p: p, ring: link.ring, hops: length(p) - link.beyond, ofRole: ofRole} END)
       AS candidates
WHERE (ring IS NOT NULL OR size(strays) > 0)
  AND NOT (s:Initiative AND s.kind IN $notActors)
  AND ($kind = '' OR (s:Organisation AND coalesce(s.kind, 'unknown') = $kind))
  AND (NOT $membersOnly OR EXISTS { (s)-[:MEMBER_OF]->(:Organisation {id: 'org:dpga'}) })
CALL (candidates) {
  UNWIND candidates AS c
  WITH c, [n IN nodes(c.p) | n.id] AS ids
  ORDER BY c.ofRole DESC, c.ring, c.hops, ids
  LIMIT $connections
  RETURN collect({
    nodes: [n IN nodes(c.p) | n {.id, label: coalesce(n.name, n.id),
                                  type: [l IN labels(n) WHERE l <> 'Entity'][0]}],
    rels: [r IN relationships(c.p) | {type: type(r), from: startNode(r).id, to: endNode(r).id,
                                      role: r.role, startDate: r.startDate, endDate: r.endDate}]
  }) AS connections
}
// Relationships join entities only, so the degree is the count the store keeps: walking each
// stakeholder's relationships to check the far end's label was half the work of a large map
// (Health's at 1M relationships, 65,000 stakeholders: 2.6 → 1.9 s).
RETURN s.id AS id, ring, roles, pathCount, firstTies, direct, strays, s.pagerank AS pagerank,
       COUNT { (s)--() } AS degree, connections,
       // Who the stakeholder is, for the shown ones alone (its home country: BASED_IN, for a
       // country's map to tell its own organisations from foreign ones; who runs an initiative:
       // the UNICEF Venture Fund beside UNICEF says whose it is).
       CASE WHEN $shown IS NOT NULL THEN s {.id, label: coalesce(s.name, s.id),
         type: [l IN labels(s) WHERE l <> 'Entity'][0], kind: s.kind,
         member: EXISTS { (s)-[:MEMBER_OF]->(:Organisation {id: 'org:dpga'}) },
         homeCountry: reduce(t = null, h IN COLLECT { MATCH (s)-[:BASED_IN]->(home:Country)
                                                      RETURN home.name ORDER BY home.name }
                             | CASE WHEN t IS NULL THEN h ELSE t + ' / ' + h END),
         runBy: reduce(t = null, r IN COLLECT { MATCH (runner:Organisation)-[:RUNS]->(s)
                                                RETURN runner.name ORDER BY runner.name }
                       | CASE WHEN t IS NULL THEN r ELSE t + ' / ' + r END)} END AS stakeholder
