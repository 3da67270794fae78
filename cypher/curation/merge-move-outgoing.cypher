// Merge, step 1: every relationship from the removed entity moves onto the kept one. Where the kept
// one already has it, the provenance is united (its own properties win); relationships
// between the two would become loops and go with the removed entity.
MATCH (keep:Entity {id: $keep})
MATCH (rm:Entity {id: $remove})
MATCH (rm)-[r]->(other:Entity)
WHERE other <> keep AND other <> rm
WITH keep, other, r, type(r) AS t, properties(r) AS p
MERGE (keep)-[n:$(t)]->(other)
WITH r, n, p, properties(n) AS old, coalesce(n.sources, []) AS s0, coalesce(n.evidence, []) AS e0,
     coalesce(p.sources, []) AS ps, coalesce(p.evidence, []) AS pe
SET n += p
SET n += old
WITH r, n, s0, e0, ps, pe, [i IN range(0, size(ps) - 1) WHERE NOT ps[i] IN s0] AS add
// Each source once; where both cite one, both its evidence joined by "; " (merge-rules.ts
// unitedProvenance, which the undo checks this against).
SET n.sources = s0 + [i IN add | ps[i]],
    n.evidence = [i IN range(0, size(s0) - 1) |
        reduce(e = e0[i], j IN [j IN range(0, size(ps) - 1) WHERE ps[j] = s0[i] AND coalesce(pe[j], '') <> ''] |
          CASE WHEN coalesce(e, '') = '' THEN pe[j] WHEN e CONTAINS pe[j] THEN e ELSE e + '; ' + pe[j] END)]
      + [i IN add | pe[i]]
DELETE r
RETURN count(*) AS moved
