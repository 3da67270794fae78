// Before an undo writes: whether an entity holds the removed id again.
RETURN EXISTS { MATCH (:Entity {id: $remove}) } AS inUse
