// Annotations for a topic and/or about a subject, most recently changed first.
MATCH (a:Annotation)
WHERE ($topic IS NULL OR a.topic = $topic) AND ($subject IS NULL OR a.subject = $subject)
RETURN a {.*, createdAt: toString(a.createdAt), updatedAt: toString(a.updatedAt)} AS annotation
ORDER BY a.updatedAt DESC, a.id
LIMIT $limit
