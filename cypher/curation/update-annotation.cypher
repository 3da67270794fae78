// Applies a change to a locked annotation and moves its version on.
MATCH (a:Annotation {id: $id})
SET a += $changes, a.updatedAt = datetime(), a.version = a.version + 1
REMOVE a._lock
WITH a
OPTIONAL MATCH (t:Entity {id: a.topic})
OPTIONAL MATCH (s:Entity {id: a.subject})
RETURN a {.*, createdAt: toString(a.createdAt), updatedAt: toString(a.updatedAt),
          topicLabel: coalesce(t.name, a.topic), subjectLabel: coalesce(s.name, a.subject)}
       AS annotation
