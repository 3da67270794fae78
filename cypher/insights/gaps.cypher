// Gaps for advocacy, each with its full count and the first $limit items:
// 1. SDG × country pairs where DPGs advancing the SDG are deployed, but no DPGA member takes
//    part in an activity for that SDG there — an activity in the country involving a DPG that
//    advances the SDG, or an activity involving such a DPG deployed in the country.
// 2. DPGs that depend on a single owner: exactly one organisation owns or maintains them, and
//    nothing funds them.
// 3. DPGA members with no tie to any DPG: no relationship with one, no activity involving one,
//    no initiative of theirs funding one.
// $sdg and $country (ids or null) narrow the first two to DPGs advancing that SDG / deployed in
// that country.
CALL () {
  MATCH (m:Organisation)-[:MEMBER_OF]->(:Organisation {id: 'org:dpga'})
  MATCH (m)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(a:Activity)-[:INVOLVES]->(d:DPG)
        -[:ADVANCES]->(s:SDG)
  CALL (a, d) {
    MATCH (a)-[:TAKES_PLACE_IN]->(c:Country)
    RETURN c
    UNION
    MATCH (d)-[:DEPLOYED_IN]->(c:Country)
    RETURN c
  }
  RETURN collect(DISTINCT s.id + '|' + c.id) AS covered
}
CALL (covered) {
  MATCH (s:SDG)<-[:ADVANCES]-(d:DPG)-[:DEPLOYED_IN]->(c:Country)
  WHERE ($sdg IS NULL OR s.id = $sdg) AND ($country IS NULL OR c.id = $country)
  WITH s, c, d ORDER BY d.name, d.id
  WITH s, c, collect(d {.id, label: coalesce(d.name, d.id)}) AS dpgs
  WHERE NOT s.id + '|' + c.id IN covered
  ORDER BY size(dpgs) DESC, s.number, c.id
  WITH collect({
    sdg: s {.id, label: coalesce(s.name, s.id)},
    country: c {.id, label: coalesce(c.name, c.id)},
    dpgCount: size(dpgs),
    dpgs: dpgs[0..5]
  }) AS found
  RETURN {count: size(found), items: found[0..$limit]} AS sdgCountryWithoutMemberActivity
}
CALL () {
  MATCH (d:DPG)
  WHERE NOT EXISTS { (d)<-[:FUNDS]-(:Entity) }
    AND ($sdg IS NULL OR EXISTS { (d)-[:ADVANCES]->(:SDG {id: $sdg}) })
    AND ($country IS NULL OR EXISTS { (d)-[:DEPLOYED_IN]->(:Country {id: $country}) })
  WITH d, COLLECT { MATCH (o:Entity)-[:OWNS|MAINTAINS]->(d) RETURN DISTINCT o } AS keepers
  WHERE size(keepers) = 1
  WITH d, keepers[0] AS owner
  ORDER BY d.name, d.id
  WITH collect({
    dpg: d {.id, label: coalesce(d.name, d.id)},
    owner: owner {.id, label: coalesce(owner.name, owner.id), kind: owner.kind}
  }) AS found
  RETURN {count: size(found), items: found[0..$limit]} AS singleOwnerWithoutFunder
}
CALL () {
  MATCH (m:Organisation)-[:MEMBER_OF]->(:Organisation {id: 'org:dpga'})
  WHERE NOT EXISTS { (m)--(:DPG) }
    AND NOT EXISTS { (m)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity)-[:INVOLVES]->(:DPG) }
    AND NOT EXISTS { (m)-[:RUNS]->(:Initiative)-[:FUNDS]->(:DPG) }
  WITH m ORDER BY m.name, m.id
  WITH collect(m {.id, label: coalesce(m.name, m.id), kind: m.kind,
                  activities: COUNT { (m)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(:Activity) }}) AS found
  RETURN {count: size(found), items: found[0..$limit]} AS membersWithoutDpg
}
RETURN sdgCountryWithoutMemberActivity, singleOwnerWithoutFunder, membersWithoutDpg
