// Redirects in the ids' canonical case (migrations 0008 and 0010 moved the entities, 0009 the
// tombstones).
// A merge made before ids were read in canonical case left `Redirect {from: 'org:ACME'}`, which
// a link or an import stating `org:acme` no longer finds, and a redirect whose `to` names an
// entity that 0008 renamed leads nowhere.
// `to` follows its entity to the canonical id, where 0008 moved it (not where two entities would
// have clashed and both kept their ids).
MATCH (r:Redirect)
WITH r, CASE WHEN r.to =~ '(?i)country:[a-z]{2}' THEN 'country:' + toUpper(substring(r.to, 8))
             ELSE toLower(r.to) END AS canonical
WHERE r.to <> canonical
  AND NOT EXISTS { MATCH (:Entity {id: r.to}) }
  AND EXISTS { MATCH (:Entity {id: canonical}) }
SET r.to = canonical
RETURN count(*) AS retargeted;
// `from` takes its canonical case, unless a redirect already holds that key; of several that would
// take the same key, the latest merge's does, as it would have overwritten the others'.
MATCH (r:Redirect)
WITH r, CASE WHEN r.from =~ '(?i)country:[a-z]{2}' THEN 'country:' + toUpper(substring(r.from, 8))
             ELSE toLower(r.from) END AS canonical
WHERE r.from <> canonical
WITH canonical, r
ORDER BY r.at DESC
WITH canonical, collect(r) AS stale
OPTIONAL MATCH (held:Redirect {from: canonical})
WITH canonical, stale, held
FOREACH (r IN CASE WHEN held IS NULL THEN stale[1..] ELSE stale END | DELETE r)
FOREACH (r IN CASE WHEN held IS NULL THEN stale[0..1] ELSE [] END | SET r.from = canonical)
RETURN count(*) AS rewritten;
