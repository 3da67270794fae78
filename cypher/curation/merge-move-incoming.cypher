// Merge, step 2: as merge-move-outgoing, for relationships pointing at the removed entity.
MATCH (keep:Entity {id: $keep})
MATCH (rm:Entity {id: $remove})
MATCH (other:Entity)-[r]->(rm)
WHERE other <> keep AND other <> rm
WITH keep, other, r, type(r) AS t, properties(r) AS p
MERGE (other)-[n:$(t)]->(keep)
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
