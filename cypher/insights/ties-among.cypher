// Ties among the entities in $ids (an ego network's partners): each pair that shares activities
// (both take part) or DPGs (both own, maintain, fund or implement, or run a fund that funds it,
// as organisation-ties.cypher reads them; a fund and whoever runs it are not tied by its money),
// once, source id < target id.
UNWIND $ids AS sourceId
MATCH (p:Entity {id: sourceId})
CALL (p) {
  MATCH (p)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(shared:Activity)
        -[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(q:Entity)
  WHERE q.id IN $ids AND p.id < q.id
  RETURN q, shared
  UNION
  MATCH (p)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(shared:DPG)
        <-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]-(q:Entity)
  WHERE q.id IN $ids AND p.id < q.id AND NOT (p)-[:RUNS]->(q) AND NOT (q)-[:RUNS]->(p)
  RETURN q, shared
  UNION
  MATCH (p)-[:RUNS]->(:Initiative)-[:FUNDS]->(shared:DPG)
        <-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]-(q:Entity)
  WHERE q.id IN $ids AND p.id < q.id AND NOT (p)-[:RUNS]->(q)
  RETURN q, shared
  UNION
  MATCH (p)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(shared:DPG)
        <-[:FUNDS]-(:Initiative)<-[:RUNS]-(q:Entity)
  WHERE q.id IN $ids AND p.id < q.id AND NOT (q)-[:RUNS]->(p)
  RETURN q, shared
  UNION
  MATCH (p)-[:RUNS]->(:Initiative)-[:FUNDS]->(shared:DPG)
        <-[:FUNDS]-(:Initiative)<-[:RUNS]-(q:Entity)
  WHERE q.id IN $ids AND p.id < q.id
  RETURN q, shared
}
// A DPG that one of the two backs only through a fund it runs is shared through that fund (`via`,
// as in organisation-ties.cypher).
WITH p, q, shared
ORDER BY p.id, q.id, shared.id
WITH p, q, collect(shared {.id, label: coalesce(shared.name, shared.id),
                           type: [l IN labels(shared) WHERE l <> 'Entity'][0],
                           via: COLLECT {
                             MATCH (party)-[:RUNS]->(fund:Initiative)-[:FUNDS]->(shared:DPG)
                             WHERE party IN [p, q]
                               AND NOT (party)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(shared)
                             RETURN fund {.id, label: coalesce(fund.name, fund.id),
                                          type: [l IN labels(fund) WHERE l <> 'Entity'][0],
                                          runBy: party {.id, label: coalesce(party.name, party.id)}}
                               ORDER BY party.id, fund.id
                           }}) AS shared
RETURN p.id AS source, q.id AS target,
       [s IN shared WHERE s.type = 'Activity' | s {.id, .label, .type}] AS activities,
       [s IN shared WHERE s.type = 'DPG'] AS dpgs
