// Counts by entity type and relationship type, the best-connected entities, and coverage
// questions: SDGs no DPG advances, countries with DPG deployments but no member activity, and
// entities without any relationship. Each question gives its full count and $examples entities.
CALL () {
  MATCH (n:Entity)
  WITH [l IN labels(n) WHERE l <> 'Entity'][0] AS type, count(*) AS count
  ORDER BY count DESC, type
  RETURN collect({type: type, count: count}) AS entities
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  WITH type(r) AS type, count(*) AS count
  ORDER BY count DESC, type
  RETURN collect({type: type, count: count}) AS relationships
}
CALL () {
  MATCH (s:Source)
  RETURN count(s) AS sources
}
CALL () {
  MATCH (n:Entity)
  WITH n, COUNT { (n)--(:Entity) } AS degree
  ORDER BY degree DESC, n.id
  LIMIT $top
  RETURN collect({
    id: n.id,
    label: coalesce(n.name, n.id),
    type: [l IN labels(n) WHERE l <> 'Entity'][0],
    degree: degree
  }) AS topByDegree
}
CALL () {
  MATCH (s:SDG)
  WHERE NOT EXISTS { (s)<-[:ADVANCES]-(:DPG) }
  WITH s ORDER BY toIntegerOrNull(split(s.id, ':')[1]), s.id
  WITH collect({id: s.id, label: coalesce(s.name, s.id), type: 'SDG'}) AS found
  RETURN {count: size(found), items: found[0..$examples]} AS sdgsWithoutDpg
}
CALL () {
  MATCH (c:Country)
  WHERE EXISTS { (c)<-[:DEPLOYED_IN]-(:DPG) }
    AND NOT EXISTS { (c)<-[:TAKES_PLACE_IN]-(:Activity) }
  WITH c, COUNT { (c)<-[:DEPLOYED_IN]-(:DPG) } AS deployments
  ORDER BY deployments DESC, c.name
  WITH collect({id: c.id, label: coalesce(c.name, c.id), type: 'Country', count: deployments}) AS found
  RETURN {count: size(found), items: found[0..$examples]} AS countriesWithDeploymentsButNoActivity
}
CALL () {
  MATCH (n:Entity)
  WHERE NOT EXISTS { (n)--(:Entity) }
  WITH n ORDER BY n.id
  WITH collect({id: n.id, label: coalesce(n.name, n.id), type: [l IN labels(n) WHERE l <> 'Entity'][0]}) AS found
  RETURN {count: size(found), items: found[0..$examples]} AS entitiesWithoutRelationships
}
RETURN entities, relationships, sources, topByDegree,
       sdgsWithoutDpg, countriesWithDeploymentsButNoActivity, entitiesWithoutRelationships
