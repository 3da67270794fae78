// One relationship as a reader sees it: what find-relationship reads, and the Source documents its
// provenance names (`r.sources`), in one statement, so both come from one snapshot in one round
// trip. A source is projected as entity/get-sources projects it: the same fields, and never the
// rest of the node (its resolutions list, anything an import may add later).
MATCH (a:Entity {id: $from})-[r:$($type)]->(b:Entity {id: $to})
RETURN properties(r) AS properties, coalesce(a.name, a.id) AS fromLabel,
       coalesce(b.name, b.id) AS toLabel,
       COLLECT {
         MATCH (s:Source)
         WHERE s.id IN coalesce(r.sources, [])
         RETURN s {.id, .kind, .uri, .title, .checksum, importedAt: toString(s.importedAt)}
         ORDER BY s.id
       } AS sources
