// One Source node per imported document, stable across versions of it; the checksum tells
// whether this import read a different version than the last.
MERGE (s:Source {id: $source.id})
WITH s, s.checksum AS previousChecksum
SET s.kind = $source.kind,
    s.uri = $source.uri,
    s.title = $source.title,
    s.checksum = $source.checksum,
    s.resolutions = $source.resolutions,
    s.importedAt = datetime()
RETURN previousChecksum
