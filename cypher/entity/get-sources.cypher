MATCH (s:Source)
WHERE s.id IN $ids
RETURN s.id AS id, s.kind AS kind, s.uri AS uri, s.title AS title, s.checksum AS checksum,
       toString(s.importedAt) AS importedAt
ORDER BY s.id
