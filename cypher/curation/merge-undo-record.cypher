// Merge, before anything moves: what an exact undo needs besides the two entities' states
// (server/curation/merge-undo-plan.ts). The removed entity's labels; the Neo4j type of each
// property JSON would blur ($jsonSafe lists the types it keeps), on the removed entity and each of
// its relationships; the kept entity's own versions of the relationships the merge unites with the
// removed one's (same type, same other end, same direction); and the redirects and annotations
// that follow the removed id to the kept one.
MATCH (keep:Entity {id: $keep})
MATCH (rm:Entity {id: $remove})
CALL (keep, rm) {
  CALL (keep, rm) {
    MATCH (rm)-[r]->(other:Entity)
    WHERE other <> keep AND other <> rm
    MATCH (keep)-[k]->(other)
    WHERE type(k) = type(r)
    RETURN k
    UNION
    MATCH (other:Entity)-[r]->(rm)
    WHERE other <> keep AND other <> rm
    MATCH (other)-[k]->(keep)
    WHERE type(k) = type(r)
    RETURN k
  }
  RETURN collect({from: startNode(k).id, type: type(k), to: endNode(k).id,
                  fromLabel: coalesce(startNode(k).name, startNode(k).id),
                  toLabel: coalesce(endNode(k).name, endNode(k).id),
                  properties: properties(k),
                  propertyTypes: [p IN keys(k) WHERE NOT valueType(k[p]) IN $jsonSafe | [p, valueType(k[p])]]})
         AS shared
}
CALL (rm) {
  MATCH (rm)-[r]-(:Entity)
  WITH DISTINCT r
  WITH r, [p IN keys(r) WHERE NOT valueType(r[p]) IN $jsonSafe | [p, valueType(r[p])]] AS types
  WHERE size(types) > 0
  RETURN collect([startNode(r).id + '|' + type(r) + '|' + endNode(r).id, types]) AS relationshipTypes
}
CALL () {
  MATCH (earlier:Redirect {to: $remove})
  RETURN collect(earlier.from) AS redirects
}
CALL () {
  MATCH (a:Annotation) WHERE a.topic = $remove
  RETURN collect(a.id) AS topics
}
CALL () {
  MATCH (a:Annotation) WHERE a.subject = $remove
  RETURN collect(a.id) AS subjects
}
RETURN labels(rm) AS labels,
       [p IN keys(rm) WHERE NOT valueType(rm[p]) IN $jsonSafe | [p, valueType(rm[p])]] AS propertyTypes,
       relationshipTypes, shared, redirects, topics, subjects
