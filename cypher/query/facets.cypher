// The values of each filter with how many entities carry them, most frequent first, at most
// $limit per facet. Registry facets (sectors, DPG types, licences, stages) are list or string
// properties of DPGs; UNWIND reads either and skips missing ones.
CALL () {
  MATCH (n:Entity)
  WITH [l IN labels(n) WHERE l <> 'Entity'][0] AS value, count(*) AS count
  ORDER BY count DESC, value
  LIMIT $limit
  RETURN collect({value: value, label: value, count: count}) AS entityTypes
}
CALL () {
  MATCH (o:Organisation)
  WITH coalesce(o.kind, 'unknown') AS value, count(*) AS count
  ORDER BY count DESC, value
  LIMIT $limit
  RETURN collect({value: value, label: value, count: count}) AS organisationKinds
}
CALL () {
  MATCH (s:SDG)
  WITH s, COUNT { (s)<-[:ADVANCES]-(:Entity) } AS count
  ORDER BY toIntegerOrNull(split(s.id, ':')[1]), s.id
  LIMIT $limit
  RETURN collect({value: s.id, label: coalesce(s.name, s.id), count: count}) AS sdgs
}
CALL () {
  // Entities, not links: a DPG both developed and deployed in a country is one DPG there (it
  // counted twice), and the organisations at home there (BASED_IN) are among its own.
  MATCH (c:Country)
  WITH c, COUNT {
    MATCH (c)<-[:DEPLOYED_IN|DEVELOPED_IN|TAKES_PLACE_IN|BASED_IN]-(e:Entity)
    RETURN DISTINCT e
  } AS count
  ORDER BY count DESC, c.name
  LIMIT $limit
  RETURN collect({value: c.id, label: coalesce(c.name, c.id), count: count}) AS countries
}
CALL () {
  MATCH (d:DPG)
  UNWIND d.sectors AS value
  WITH value, count(*) AS count
  ORDER BY count DESC, value
  LIMIT $limit
  RETURN collect({value: value, label: value, count: count}) AS sectors
}
CALL () {
  MATCH (d:DPG)
  UNWIND d.types AS value
  WITH value, count(*) AS count
  ORDER BY count DESC, value
  LIMIT $limit
  RETURN collect({value: value, label: value, count: count}) AS dpgTypes
}
CALL () {
  MATCH (d:DPG)
  UNWIND d.licenses AS value
  WITH value, count(*) AS count
  ORDER BY count DESC, value
  LIMIT $limit
  RETURN collect({value: value, label: value, count: count}) AS licences
}
CALL () {
  MATCH (d:DPG)
  UNWIND d.stage AS value
  WITH value, count(*) AS count
  ORDER BY count DESC, value
  LIMIT $limit
  RETURN collect({value: value, label: value, count: count}) AS stages
}
CALL () {
  // activityTypes, the list every importer writes (derived where a source states none): the
  // member page's own activityType is one of them where it gives one.
  MATCH (a:Activity)
  UNWIND a.activityTypes AS value
  WITH value, count(*) AS count
  ORDER BY count DESC, value
  LIMIT $limit
  RETURN collect({value: value, label: value, count: count}) AS activityTypes
}
CALL () {
  MATCH (g:Group)
  WITH g, COUNT { (g)<-[:MEMBER_OF]-(:Entity) } AS count
  ORDER BY count DESC, g.name
  LIMIT $limit
  RETURN collect({value: g.id, label: coalesce(g.name, g.id), count: count}) AS membership
}
RETURN entityTypes, organisationKinds, sdgs, countries, sectors, dpgTypes, licences, stages,
       activityTypes, membership
