// The partners of organisation $id, one row per partner with what they share: activities both
// take part in (lead, co-lead, participate in, are involved in), and DPGs both own, maintain,
// fund or implement. Partners are organisations and groups; funding initiatives count through
// the DPGs they fund. An organisation funds what a fund it runs funds: UNICEF backs the DPGs its
// Venture Fund invests in, so their owners are its partners (its own funds are not). Membership
// of the DPGA, which all members share, is not a tie.
MATCH (ego:Organisation {id: $id})
CALL (ego) {
  MATCH (ego)-[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(shared:Activity)
        -[:LEADS|CO_LEADS|PARTICIPATES_IN|INVOLVES]-(partner:Organisation|Group)
  WHERE partner <> ego
  RETURN partner, shared
  UNION
  MATCH (ego)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(shared:DPG)
        <-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]-(partner:Organisation|Initiative)
  WHERE partner <> ego AND NOT (ego)-[:RUNS]->(partner)
  RETURN partner, shared
  UNION
  MATCH (ego)-[:RUNS]->(:Initiative)-[:FUNDS]->(shared:DPG)
        <-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]-(partner:Organisation|Initiative)
  WHERE partner <> ego AND NOT (ego)-[:RUNS]->(partner)
  RETURN partner, shared
  UNION
  MATCH (ego)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(shared:DPG)
        <-[:FUNDS]-(:Initiative)<-[:RUNS]-(partner:Organisation)
  WHERE partner <> ego
  RETURN partner, shared
  UNION
  // Both through funds they run: two investors in one DPG.
  MATCH (ego)-[:RUNS]->(:Initiative)-[:FUNDS]->(shared:DPG)
        <-[:FUNDS]-(:Initiative)<-[:RUNS]-(partner:Organisation)
  WHERE partner <> ego
  RETURN partner, shared
}
// A DPG that one of the two backs only through a fund it runs is shared through that fund: `via`
// names it and its runner, so the answer does not read as though the runner backed the DPG itself.
WITH ego, partner, shared
ORDER BY shared.id
WITH partner, collect(shared {.id, label: coalesce(shared.name, shared.id),
                              type: [l IN labels(shared) WHERE l <> 'Entity'][0],
                              via: COLLECT {
                                MATCH (party)-[:RUNS]->(fund:Initiative)-[:FUNDS]->(shared:DPG)
                                WHERE party IN [ego, partner]
                                  AND NOT (party)-[:OWNS|MAINTAINS|FUNDS|IMPLEMENTS]->(shared)
                                RETURN fund {.id, label: coalesce(fund.name, fund.id),
                                             type: [l IN labels(fund) WHERE l <> 'Entity'][0],
                                             runBy: party {.id, label: coalesce(party.name, party.id)}}
                                  ORDER BY party <> ego, fund.id
                              }}) AS shared
RETURN partner {.id, label: coalesce(partner.name, partner.id),
                type: [l IN labels(partner) WHERE l <> 'Entity'][0], kind: partner.kind,
                homeCountry: reduce(home = null,
                                    c IN COLLECT { MATCH (partner)-[:BASED_IN]->(c:Country)
                                                   RETURN c.name ORDER BY c.name } |
                                    CASE WHEN home IS NULL THEN c ELSE home + ' / ' + c END),
                runBy: reduce(runner = null,
                              r IN COLLECT { MATCH (o:Organisation)-[:RUNS]->(partner)
                                             RETURN o.name ORDER BY o.name } |
                              CASE WHEN runner IS NULL THEN r ELSE runner + ' / ' + r END)}
       AS partner,
       [s IN shared WHERE s.type = 'Activity' | s {.id, .label, .type}] AS activities,
       [s IN shared WHERE s.type = 'DPG'] AS dpgs
ORDER BY size(shared) DESC, partner.id
LIMIT $maxPartners
