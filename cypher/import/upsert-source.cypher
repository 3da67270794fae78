// One Source node per imported document, stable across versions of it; the checksum tells
// whether this import read a different version than the last, and `existed` whether any import
// of it came before (a first import has nothing of its own to retract).
OPTIONAL MATCH (old:Source {id: $source.id})
WITH old IS NOT NULL AS existed
MERGE (s:Source {id: $source.id})
WITH s, existed, s.checksum AS previousChecksum
SET s.kind = $source.kind,
    s.uri = $source.uri,
    s.title = $source.title,
    s.checksum = $source.checksum,
    s.resolutions = $source.resolutions,
    s.importedAt = datetime()
RETURN previousChecksum, existed
