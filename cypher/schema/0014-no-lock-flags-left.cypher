// Edits took a write lock by setting a flag (`_lock`) and left it there, so an entity page listed
// "Lock: Yes" among the entity's properties, and exports and the console could read it too. The
// lock statements now remove the flag in the statement that sets it (the lock is held until commit
// all the same); this removes the flags left behind. Nothing else changes, and it can run again.
MATCH (n)
WHERE n._lock IS NOT NULL
REMOVE n._lock
RETURN count(*) AS cleared;

MATCH ()-[r]->()
WHERE r._lock IS NOT NULL
REMOVE r._lock
RETURN count(*) AS cleared;
