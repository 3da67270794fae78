// Stores, per candidate collaborator (an organisation or initiative) and DPG sector, the paths of
// the two sector meta-paths of collaborator-scores.cypher, which depend on the DPG asked about
// only through its sectors: o.sectorBacking[i], o's relationships backing (owning, maintaining,
// funding, implementing) a DPG of sector i, and o.sectorActivity[i], o's parts in activities
// times those activities' INVOLVES relationships to a DPG of sector i (a path per relationship on
// the way, as the walk counts them). The positions follow m.profileSectors (the sectors in
// order); m.sectorDegrees holds each sector's DPG count, its damping. Run by the network-measure
// recompute in its transaction, so the profiles are as fresh as the measures. Only changed
// profiles are written; an organisation left with no such path loses its profile.
CALL () {
  MATCH (d:DPG)
  UNWIND coalesce(d.sectors, []) AS sector
  WITH sector, count(DISTINCT d) AS dpgs
  ORDER BY sector
  RETURN collect(sector) AS sectors, collect(dpgs) AS degrees
}
CALL (sectors) {
  CALL () {
    MATCH (o:Organisation|Initiative)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(y:DPG)
    UNWIND coalesce(y.sectors, []) AS sector
    RETURN o, sector, count(*) AS backing, 0 AS activity
    UNION ALL
    // summed per activity first: each activity's DPGs are walked once
    MATCH (a:Activity)-[:INVOLVES]->(y:DPG)
    UNWIND coalesce(y.sectors, []) AS sector
    WITH a, sector, count(*) AS involved
    MATCH (o:Organisation|Initiative)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(a)
    RETURN o, sector, 0 AS backing, sum(involved) AS activity
  }
  WITH sectors, o, sector, sum(backing) AS backing, sum(activity) AS activity
  WITH sectors, o, collect({sector: sector, backing: backing, activity: activity}) AS counts
  WITH o, counts,
       [s IN sectors | coalesce([c IN counts WHERE c.sector = s | c.backing][0], 0)] AS backing,
       [s IN sectors | coalesce([c IN counts WHERE c.sector = s | c.activity][0], 0)] AS activity
  CALL (o, backing, activity) {
    WITH o, backing, activity
    WHERE o.sectorBacking IS NULL OR o.sectorBacking <> backing OR o.sectorActivity <> activity
    SET o.sectorBacking = backing, o.sectorActivity = activity
    RETURN count(*) AS written
  }
  RETURN collect(o) AS profiled, sum(written) AS written
}
CALL (profiled) {
  MATCH (o:Organisation|Initiative)
  WHERE o.sectorBacking IS NOT NULL AND NOT o IN profiled
  REMOVE o.sectorBacking, o.sectorActivity
  RETURN count(o) AS removed
}
MERGE (m:GraphMetrics {id: 'metrics'})
SET m.profileSectors = sectors, m.sectorDegrees = degrees
RETURN size(profiled) AS profiled, written, removed
