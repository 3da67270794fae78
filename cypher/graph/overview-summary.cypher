// The graph in summary: entities counted by type, and relationships counted by (type of the
// source, relationship type, type of the target), each with the sources that state them.
CALL () {
  MATCH (n:Entity)
  WITH [l IN labels(n) WHERE l <> 'Entity'][0] AS type, n
  WITH type, count(n) AS count, collect(coalesce(n.sources, [])) AS sourceLists
  ORDER BY count DESC, type
  RETURN collect({
    type: type,
    count: count,
    sources: reduce(acc = [], s IN sourceLists | acc + [x IN s WHERE NOT x IN acc])
  }) AS types
}
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  WITH [l IN labels(a) WHERE l <> 'Entity'][0] AS sourceType,
       type(r) AS type,
       [l IN labels(b) WHERE l <> 'Entity'][0] AS targetType,
       r
  WITH sourceType, type, targetType, count(r) AS count, collect(coalesce(r.sources, [])) AS sourceLists
  ORDER BY count DESC, sourceType, type, targetType
  RETURN collect({
    sourceType: sourceType,
    type: type,
    targetType: targetType,
    count: count,
    sources: reduce(acc = [], s IN sourceLists | acc + [x IN s WHERE NOT x IN acc])
  }) AS links
}
RETURN types, links
