// Takes an annotation's write lock, then reads it with the names of topic and subject (see
// lock-entity).
MATCH (a:Annotation {id: $id})
SET a._lock = true
REMOVE a._lock
WITH a
OPTIONAL MATCH (t:Entity {id: a.topic})
OPTIONAL MATCH (s:Entity {id: a.subject})
RETURN a {.*, createdAt: toString(a.createdAt), updatedAt: toString(a.updatedAt),
          topicLabel: coalesce(t.name, a.topic), subjectLabel: coalesce(s.name, a.subject)}
       AS annotation
