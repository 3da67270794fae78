// Undo of an entity delete: the annotations it took, back with their ids, authors and times as
// they were and their versions moved on (planned in delete-undo-plan.ts: only those whose other
// end is there). One row per annotation, with the names of topic and stakeholder.
UNWIND $annotations AS recorded
CREATE (a:Annotation)
SET a = recorded.properties,
    a.createdAt = datetime(recorded.createdAt),
    a.updatedAt = datetime(recorded.updatedAt)
WITH a
OPTIONAL MATCH (t:Entity {id: a.topic})
OPTIONAL MATCH (s:Entity {id: a.subject})
RETURN a {.*, createdAt: toString(a.createdAt), updatedAt: toString(a.updatedAt),
          topicLabel: coalesce(t.name, a.topic), subjectLabel: coalesce(s.name, a.subject)}
       AS annotation
