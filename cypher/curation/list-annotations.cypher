// Annotations for a topic and/or about a subject, most recently changed first, with the names of
// topic and subject.
MATCH (a:Annotation)
WHERE ($topic IS NULL OR a.topic = $topic) AND ($subject IS NULL OR a.subject = $subject)
WITH a
ORDER BY a.updatedAt DESC, a.id
LIMIT $limit
OPTIONAL MATCH (t:Entity {id: a.topic})
OPTIONAL MATCH (s:Entity {id: a.subject})
RETURN a {.*, createdAt: toString(a.createdAt), updatedAt: toString(a.updatedAt),
          topicLabel: coalesce(t.name, a.topic), subjectLabel: coalesce(s.name, a.subject)}
       AS annotation
