// The topics at work in one country ($id): the DPG sectors and the SDGs of the DPGs developed or
// deployed there, or involved in an activity that takes place there, each with how many such DPGs
// it has, most first. They are the ways a country's stakeholder map narrows to a topic: each names
// a sector's or an SDG's map in that country, whose rings walk the same three ties. Bounded by the
// DPGs there and the 17 SDGs.
MATCH (c:Entity:Country {id: $id})
CALL (c) {
  MATCH (c)<-[:DEVELOPED_IN|DEPLOYED_IN]-(d:DPG)
  RETURN d
  UNION
  MATCH (c)<-[:TAKES_PLACE_IN]-(:Activity)-[:INVOLVES]->(d:DPG)
  RETURN d
}
WITH collect(DISTINCT d) AS there
CALL (there) {
  UNWIND there AS d
  UNWIND coalesce(d.sectors, []) AS sector
  WITH sector, count(DISTINCT d) AS dpgs
  ORDER BY dpgs DESC, sector
  RETURN collect({sector: sector, dpgs: dpgs}) AS sectors
}
CALL (there) {
  UNWIND there AS d
  MATCH (d)-[:ADVANCES]->(g:SDG)
  WITH g, count(DISTINCT d) AS dpgs
  ORDER BY dpgs DESC, g.number, g.id
  RETURN collect({id: g.id, label: coalesce(g.name, g.id), dpgs: dpgs}) AS sdgs
}
RETURN sectors, sdgs
