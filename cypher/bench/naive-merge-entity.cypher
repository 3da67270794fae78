// Benchmark baseline only (bench/synthetic/naive-import.ts): ONE entity per statement and per
// transaction, the way a naive import script writes — to measure the project's batched import
// path against. It writes what the project's path writes: label, properties, aliases (and their
// search text) and the provenance lists.
MERGE (n:Entity {id: $id})
SET n:$($label)
SET n += $props,
    n.aliases = $aliases,
    n.aliasText = reduce(text = '', a IN $aliases | text + a + ' | ')
      + reduce(text = '', w IN [x IN $aliases + [$props.name] WHERE x CONTAINS "\u0027" OR x CONTAINS '’'] |
          text + replace(replace(w, "\u0027", ' '), '’', ' ') + ' | '),
    n.sources = coalesce(n.sources, []) + $sourceId,
    n.evidence = coalesce(n.evidence, []) + $evidence
