// Undo, step 1: takes the write lock of each relationship the merge moved onto the kept entity
// (held until commit, so no edit lands between the check and the undo) and reads it; a row with
// null properties for one that is gone. Types are whitelisted (merge-undo-plan.ts).
UNWIND $keys AS key
OPTIONAL MATCH (:Entity {id: key.from})-[r:$(key.type)]->(:Entity {id: key.to})
FOREACH (x IN CASE WHEN r IS NULL THEN [] ELSE [r] END | SET x._lock = true REMOVE x._lock)
RETURN key.from AS from, key.type AS type, key.to AS to,
       CASE WHEN r IS NULL THEN null ELSE properties(r) END AS properties
