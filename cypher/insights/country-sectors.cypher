// The DPG sectors at work in one country ($id): those of the DPGs developed or deployed there, or
// involved in an activity that takes place there, each with how many such DPGs it has, most
// first. They are the ways a country's stakeholder map narrows to a topic: each names a sector's
// map in that country, whose rings walk the same three ties.
MATCH (c:Entity:Country {id: $id})
CALL (c) {
  MATCH (c)<-[:DEVELOPED_IN|DEPLOYED_IN]-(d:DPG)
  RETURN d
  UNION
  MATCH (c)<-[:TAKES_PLACE_IN]-(:Activity)-[:INVOLVES]->(d:DPG)
  RETURN d
}
UNWIND coalesce(d.sectors, []) AS sector
WITH sector, count(DISTINCT d) AS dpgs
RETURN sector, dpgs
ORDER BY dpgs DESC, sector
