// The Source node standing for one editor's statements (`source:editor:<userId>`), so edits are
// provenance like any import and the entity page can list who stated a fact.
MERGE (s:Source {id: $editor.sourceId})
ON CREATE SET s.kind = 'editor', s.checksum = '', s.resolutions = '[]'
SET s.uri = 'user:' + $editor.userId, s.title = 'Edits by ' + $editor.name, s.importedAt = datetime()
RETURN s.id AS id
