// An editor's annotation of a stakeholder (subject) for a topic: stance, priority, notes, tags.
CREATE (a:Annotation {id: randomUUID(), topic: $a.topic, subject: $a.subject, stance: $a.stance,
                      priority: $a.priority, notes: $a.notes, tags: $a.tags, author: $a.author,
                      authorName: $a.authorName, createdAt: datetime(), updatedAt: datetime(),
                      version: 1})
RETURN a {.*, createdAt: toString(a.createdAt), updatedAt: toString(a.updatedAt)} AS annotation
