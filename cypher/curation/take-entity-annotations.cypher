// An entity delete takes the annotations naming it (as topic or as stakeholder) with it: an entity
// created later under the same id must not inherit them. Each is locked before it is read, so an
// edit committing meanwhile is what the record holds (the undo restores exactly that). Returned
// as they were, with both names, for the delete's audit event (delete-undo.ts).
MATCH (a:Annotation)
WHERE a.topic = $id OR a.subject = $id
SET a._lock = true
REMOVE a._lock
WITH a
OPTIONAL MATCH (t:Entity {id: a.topic})
OPTIONAL MATCH (s:Entity {id: a.subject})
WITH a, a {.*, createdAt: toString(a.createdAt), updatedAt: toString(a.updatedAt),
           topicLabel: coalesce(t.name, a.topic), subjectLabel: coalesce(s.name, a.subject)}
        AS annotation
ORDER BY a.createdAt, a.id
DELETE a
RETURN annotation
