// Every imported source with the name resolutions its last import made, for the resolve report.
MATCH (s:Source)
RETURN s.id AS id, s.kind AS kind, s.uri AS uri, toString(s.importedAt) AS importedAt,
       coalesce(s.resolutions, '[]') AS resolutions
ORDER BY s.id
