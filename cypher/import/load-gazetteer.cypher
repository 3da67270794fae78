// The names the graph already knows, so a new source resolves to existing nodes; an
// organisation's kind too, which says whether its name may tell its home country.
MATCH (n:Entity)
RETURN n.id AS id,
       [l IN labels(n) WHERE l <> 'Entity'][0] AS type,
       n.name AS name,
       coalesce(n.aliases, []) AS aliases,
       n.kind AS kind
