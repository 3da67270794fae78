// An editor's annotation of a stakeholder (subject) for a topic: stance, priority, notes, tags;
// returned with the names of both.
CREATE (a:Annotation {id: randomUUID(), topic: $a.topic, subject: $a.subject, stance: $a.stance,
                      priority: $a.priority, notes: $a.notes, tags: $a.tags, author: $a.author,
                      authorName: $a.authorName, createdAt: datetime(), updatedAt: datetime(),
                      version: 1})
WITH a
OPTIONAL MATCH (t:Entity {id: a.topic})
OPTIONAL MATCH (s:Entity {id: a.subject})
RETURN a {.*, createdAt: toString(a.createdAt), updatedAt: toString(a.updatedAt),
          topicLabel: coalesce(t.name, a.topic), subjectLabel: coalesce(s.name, a.subject)}
       AS annotation
