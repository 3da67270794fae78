// Tombstones in the ids' canonical case (migration 0008 moved the entities, not the tombstones).
// An editor's deletion of `org:ACME`, or of a relationship keyed `org:ACME|FUNDS|dpg:x`, made
// before ids were read in canonical case, must still hold against an import that states
// `org:acme`. A key whose canonical form is already a tombstone's says nothing more: it goes;
// of several that would take the same key, the latest deletion takes it (its editor and date are
// what the history shows) and the others go.
MATCH (t:Tombstone)
WITH t, CASE WHEN t.kind = 'relationship' THEN split(t.key, '|') ELSE [t.key] END AS parts
WHERE size(parts) IN [1, 3]
WITH t, parts,
     [p IN parts | CASE WHEN p =~ '(?i)country:[a-z]{2}' THEN 'country:' + toUpper(substring(p, 8))
                        ELSE toLower(p) END] AS canon
WITH t, CASE WHEN size(parts) = 3 THEN canon[0] + '|' + parts[1] + '|' + canon[2]
             ELSE canon[0] END AS canonical
WHERE t.key <> canonical
WITH canonical, t
ORDER BY t.at DESC
WITH canonical, collect(t) AS stale
OPTIONAL MATCH (held:Tombstone {key: canonical})
WITH canonical, stale, held
FOREACH (t IN CASE WHEN held IS NULL THEN stale[1..] ELSE stale END | DETACH DELETE t)
FOREACH (t IN CASE WHEN held IS NULL THEN stale[0..1] ELSE [] END | SET t.key = canonical)
RETURN count(*) AS rewritten;
